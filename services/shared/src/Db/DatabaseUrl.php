<?php

declare(strict_types=1);

namespace Platform\Shared\Db;

use Platform\Shared\Config\ConfigError;

/**
 * Parses DATABASE_URL (postgres://user:pass@host:port/db) into a PDO DSN and credentials.
 */
final class DatabaseUrl
{
    public function __construct(
        public readonly string $host,
        public readonly int $port,
        public readonly string $database,
        public readonly string $user,
        public readonly string $password,
    ) {
    }

    public static function parse(string $url): self
    {
        $parts = parse_url($url);
        $scheme = is_array($parts) ? ($parts['scheme'] ?? '') : '';
        if (!is_array($parts) || !in_array($scheme, ['postgres', 'postgresql'], true) || !isset($parts['host'])) {
            throw new ConfigError('DATABASE_URL must look like postgres://user:password@host:5432/database');
        }
        $database = ltrim($parts['path'] ?? '', '/');
        if ($database === '') {
            throw new ConfigError('DATABASE_URL names no database: add /<database> after host:port');
        }

        return new self(
            $parts['host'],
            $parts['port'] ?? 5432,
            rawurldecode($database),
            rawurldecode($parts['user'] ?? ''),
            rawurldecode($parts['pass'] ?? ''),
        );
    }

    /** Returns the pdo_pgsql DSN; connect_timeout bounds how long a dead server can stall a request. */
    public function dsn(int $connectTimeout): string
    {
        return sprintf(
            'pgsql:host=%s;port=%d;dbname=%s;connect_timeout=%d',
            $this->host,
            $this->port,
            $this->database,
            $connectTimeout,
        );
    }

    /** Describes the target without the password, for logs and errors. */
    public function describe(): string
    {
        return sprintf('%s@%s:%d/%s', $this->user, $this->host, $this->port, $this->database);
    }
}
