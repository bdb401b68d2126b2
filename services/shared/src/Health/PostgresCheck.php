<?php

declare(strict_types=1);

namespace Platform\Shared\Health;

use Platform\Shared\Db\Database;

/**
 * Probes PostgreSQL with SELECT 1.
 */
final class PostgresCheck implements Check
{
    public function __construct(private readonly Database $db)
    {
    }

    public function name(): string
    {
        return 'postgres';
    }

    public function check(): void
    {
        $this->db->pdo()->query('SELECT 1');
    }
}
