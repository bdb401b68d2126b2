<?php

declare(strict_types=1);

namespace Platform\Shared\Db;

use RuntimeException;

/**
 * Applies ordered SQL files (0001_name.sql, ...) once each, recording them in schema_migrations.
 *
 * A PostgreSQL advisory lock serialises concurrent runs: the second waits, then
 * finds everything applied. Each file runs in its own transaction with its record.
 */
final class Migrator
{
    /** Advisory lock key shared by every migrator run against a database. */
    public const LOCK_KEY = 7_242_016_100;

    public function __construct(private readonly Database $db, private readonly string $directory)
    {
    }

    /**
     * Lists the migration files in order.
     *
     * @return array<string, string> version => path
     */
    public function files(): array
    {
        $paths = glob($this->directory . '/*.sql');
        $files = [];
        foreach ($paths === false ? [] : $paths as $path) {
            $name = basename($path, '.sql');
            if (preg_match('/^\d{4}_[a-z0-9_]+$/', $name) !== 1) {
                throw new RuntimeException(sprintf(
                    'migration file %s must be named NNNN_lower_snake.sql',
                    basename($path),
                ));
            }
            $files[$name] = $path;
        }
        ksort($files, SORT_STRING);

        return $files;
    }

    /**
     * Applies the pending migrations and returns their versions.
     *
     * @return list<string>
     */
    public function migrate(): array
    {
        $pdo = $this->db->pdo();
        $pdo->exec('SELECT pg_advisory_lock(' . self::LOCK_KEY . ')');
        try {
            $pdo->exec('CREATE TABLE IF NOT EXISTS schema_migrations (
                version text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )');
            $applied = [];
            foreach ($this->db->fetchAll('SELECT version, checksum FROM schema_migrations') as $row) {
                $applied[(string) $row['version']] = (string) $row['checksum'];
            }

            return $this->applyPending($applied);
        } finally {
            $pdo->exec('SELECT pg_advisory_unlock(' . self::LOCK_KEY . ')');
        }
    }

    /**
     * @param array<string, string> $applied version => checksum
     * @return list<string>
     */
    private function applyPending(array $applied): array
    {
        $done = [];
        foreach ($this->files() as $version => $path) {
            $sql = (string) file_get_contents($path);
            $checksum = hash('sha256', $sql);
            if (isset($applied[$version])) {
                if ($applied[$version] !== $checksum) {
                    throw new RuntimeException(sprintf(
                        'migration %s changed after it was applied; add a new migration instead of editing it',
                        $version,
                    ));
                }
                continue;
            }
            $this->db->transaction(function () use ($sql, $version, $checksum): void {
                $this->db->pdo()->exec($sql);
                $this->db->pdo()->prepare('INSERT INTO schema_migrations (version, checksum) VALUES (:v, :c)')
                    ->execute(['v' => $version, 'c' => $checksum]);
            });
            $done[] = $version;
        }

        return $done;
    }
}
