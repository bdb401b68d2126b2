<?php

declare(strict_types=1);

namespace Platform\Shared\Db;

/**
 * Runs parameterised SQL; the seam between a service's stores and PostgreSQL.
 */
interface Sql
{
    /**
     * Runs a statement and returns all rows.
     *
     * @param array<string, scalar|null> $params
     * @return list<array<string, scalar|null>>
     */
    public function fetchAll(string $sql, array $params = []): array;

    /**
     * Runs a statement and returns the first row, or null.
     *
     * @param array<string, scalar|null> $params
     * @return array<string, scalar|null>|null
     */
    public function fetchOne(string $sql, array $params = []): ?array;

    /**
     * Runs a statement and returns the number of affected rows.
     *
     * @param array<string, scalar|null> $params
     */
    public function execute(string $sql, array $params = []): int;

    /**
     * Runs fn in a transaction, committing on return and rolling back on any exception.
     *
     * @template T
     * @param callable(): T $fn
     * @return T
     */
    public function transaction(callable $fn): mixed;
}
