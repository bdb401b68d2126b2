<?php

declare(strict_types=1);

namespace Platform\Shared\Testing;

use Platform\Shared\Db\Database;
use Platform\Shared\Db\Migrator;
use Platform\Shared\Redis\RedisConnection;
use RuntimeException;

/**
 * Connects integration tests to the real PostgreSQL and Redis named by DATABASE_URL and REDIS_URL.
 *
 * A missing variable fails the test with instructions: integration suites never skip.
 */
final class IntegrationEnv
{
    /** Returns the test database with the service's migrations applied. */
    public static function database(string $serviceDir): Database
    {
        $url = self::require('DATABASE_URL', 'postgres://platform:platform@127.0.0.1:55432/<fresh database>');
        $db = Database::fromUrl($url);
        (new Migrator($db, $serviceDir . '/migrations'))->migrate();

        return $db;
    }

    /** Returns a Redis connection whose keys live under a prefix unique to this call. */
    public static function redis(): RedisConnection
    {
        return RedisConnection::fromUrl(self::require('REDIS_URL', 'redis://127.0.0.1:56379/1'), self::prefix());
    }

    /** Returns a fresh key prefix, so concurrent runs on one Redis never see each other. */
    public static function prefix(): string
    {
        return 'test:' . bin2hex(random_bytes(6)) . ':';
    }

    public static function require(string $name, string $example): string
    {
        $value = getenv($name);
        if (!is_string($value) || $value === '') {
            throw new RuntimeException(sprintf(
                '%s is not set: integration tests need the real server, e.g. %s=%s '
                . '(eval "$(bash scripts/test-env.sh)" starts them)',
                $name,
                $name,
                $example,
            ));
        }

        return $value;
    }
}
