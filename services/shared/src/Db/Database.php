<?php

declare(strict_types=1);

namespace Platform\Shared\Db;

use PDO;

/**
 * Opens the PostgreSQL connection on first use, so wiring a service never touches the network.
 */
final class Database implements Sql
{
    private ?PDO $pdo = null;

    public function __construct(private readonly DatabaseUrl $url, private readonly int $connectTimeout = 2)
    {
    }

    public static function fromUrl(string $url, int $connectTimeout = 2): self
    {
        return new self(DatabaseUrl::parse($url), $connectTimeout);
    }

    public function url(): DatabaseUrl
    {
        return $this->url;
    }

    public function pdo(): PDO
    {
        if ($this->pdo === null) {
            $this->pdo = new PDO($this->url->dsn($this->connectTimeout), $this->url->user, $this->url->password, [
                PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
                PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
                PDO::ATTR_EMULATE_PREPARES => false,
            ]);
        }

        return $this->pdo;
    }

    /**
     * Runs a statement and returns all rows.
     *
     * @param array<string, scalar|null> $params
     * @return list<array<string, scalar|null>>
     */
    public function fetchAll(string $sql, array $params = []): array
    {
        $statement = $this->pdo()->prepare($sql);
        $statement->execute($params);
        /** @var list<array<string, scalar|null>> $rows */
        $rows = $statement->fetchAll(PDO::FETCH_ASSOC);

        return $rows;
    }

    /**
     * Runs a statement and returns the first row, or null.
     *
     * @param array<string, scalar|null> $params
     * @return array<string, scalar|null>|null
     */
    public function fetchOne(string $sql, array $params = []): ?array
    {
        return $this->fetchAll($sql, $params)[0] ?? null;
    }

    public function execute(string $sql, array $params = []): int
    {
        $statement = $this->pdo()->prepare($sql);
        $statement->execute($params);

        return $statement->rowCount();
    }

    /**
     * Runs fn in a transaction, committing on return and rolling back on any exception.
     *
     * @template T
     * @param callable(): T $fn
     * @return T
     */
    public function transaction(callable $fn): mixed
    {
        $pdo = $this->pdo();
        $pdo->beginTransaction();
        try {
            $result = $fn();
            $pdo->commit();

            return $result;
        } catch (\Throwable $e) {
            $pdo->rollBack();
            throw $e;
        }
    }
}
