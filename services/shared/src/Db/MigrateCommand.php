<?php

declare(strict_types=1);

namespace Platform\Shared\Db;

use Platform\Shared\Config\ConfigError;
use Platform\Shared\Config\Env;
use Throwable;

/**
 * Runs a service's migrations: waits for the database (bounded), then applies migrations/.
 *
 * Exit codes: 0 applied or nothing to do, 1 migration failed, 2 configuration
 * error or database still unreachable after MIGRATE_WAIT_SECONDS (default 30).
 */
final class MigrateCommand
{
    /** @var \Closure(int): void */
    private \Closure $sleep;

    /**
     * @param resource $out
     * @param (\Closure(int): void)|null $sleep
     */
    public function __construct(private readonly Env $env, private $out, ?\Closure $sleep = null)
    {
        $this->sleep = $sleep ?? static function (int $seconds): void {
            sleep($seconds);
        };
    }

    /** Runs the command for the service in serviceDir against the process environment. */
    public static function main(string $serviceDir): int
    {
        return (new self(Env::fromProcess(), STDERR))->run($serviceDir . '/migrations');
    }

    public function run(string $migrationsDir): int
    {
        try {
            $raw = $this->env->required('DATABASE_URL', 'set it to postgres://user:password@host:5432/database');
            $url = DatabaseUrl::parse($raw);
            $wait = $this->env->int('MIGRATE_WAIT_SECONDS', 30, 0, 3600);
        } catch (ConfigError $e) {
            $this->say('migrate: ' . $e->getMessage());

            return 2;
        }
        $db = $this->waitFor($url, $wait);
        if ($db === null) {
            return 2;
        }
        try {
            $applied = (new Migrator($db, $migrationsDir))->migrate();
        } catch (Throwable $e) {
            $this->say(sprintf('migrate: failed on %s: %s', $url->describe(), $e->getMessage()));

            return 1;
        }
        $this->say(sprintf(
            'migrate: %s on %s',
            $applied === [] ? 'nothing to apply' : 'applied ' . implode(', ', $applied),
            $url->describe(),
        ));

        return 0;
    }

    /** Retries once a second, waitSeconds times, so the bound holds whatever the clock does. */
    private function waitFor(DatabaseUrl $url, int $waitSeconds): ?Database
    {
        for ($attempt = 1;; $attempt++) {
            $db = new Database($url, 2);
            try {
                $db->pdo()->query('SELECT 1');

                return $db;
            } catch (Throwable $e) {
                if ($attempt > $waitSeconds) {
                    $this->say(sprintf(
                        'migrate: database %s not reachable after %ds (%d attempts): %s; '
                        . 'check DATABASE_URL and that PostgreSQL is up, or raise MIGRATE_WAIT_SECONDS',
                        $url->describe(),
                        $waitSeconds,
                        $attempt,
                        trim($e->getMessage()),
                    ));

                    return null;
                }
                $this->say(sprintf('migrate: waiting for database %s (attempt %d)', $url->describe(), $attempt));
                ($this->sleep)(1);
            }
        }
    }

    private function say(string $line): void
    {
        fwrite($this->out, $line . "\n");
    }
}
