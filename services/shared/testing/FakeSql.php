<?php

declare(strict_types=1);

namespace Platform\Shared\Testing;

use Closure;
use Platform\Shared\Db\Sql;

/**
 * Answers SQL from a responder and records every statement, for unit tests of stores.
 *
 * The SQL itself is proven by the integration suites against real PostgreSQL;
 * unit tests use this to check parameters, row mapping and control flow.
 */
final class FakeSql implements Sql
{
    /** @var list<array{sql: string, params: array<string, scalar|null>}> */
    public array $statements = [];
    public int $transactions = 0;

    /** @param Closure(string, array<string, scalar|null>): list<array<string, scalar|null>> $responder */
    public function __construct(private readonly Closure $responder)
    {
    }

    /** Returns a fake that answers every statement with the given rows. */
    public static function returning(array ...$rows): self
    {
        /** @var list<array<string, scalar|null>> $rows */
        return new self(static fn (): array => $rows);
    }

    public function fetchAll(string $sql, array $params = []): array
    {
        $this->statements[] = ['sql' => $sql, 'params' => $params];

        return ($this->responder)($sql, $params);
    }

    public function fetchOne(string $sql, array $params = []): ?array
    {
        return $this->fetchAll($sql, $params)[0] ?? null;
    }

    public function execute(string $sql, array $params = []): int
    {
        return count($this->fetchAll($sql, $params));
    }

    public function transaction(callable $fn): mixed
    {
        $this->transactions++;

        return $fn();
    }

    /** Returns the statements whose SQL contains needle. */
    public function matching(string $needle): int
    {
        return count(array_filter($this->statements, static fn (array $s): bool => str_contains($s['sql'], $needle)));
    }
}
