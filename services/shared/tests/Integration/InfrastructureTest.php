<?php

declare(strict_types=1);

namespace Platform\Shared\Tests\Integration;

use Platform\Shared\App\Runtime;
use Platform\Shared\Config\Env;
use Platform\Shared\Db\MigrateCommand;
use Platform\Shared\Db\Migrator;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Router;
use Platform\Shared\Log\Logger;
use Platform\Shared\Metrics\RedisStore;
use Platform\Shared\Testing\IntegrationEnv;
use PHPUnit\Framework\TestCase;

/**
 * Runs the shared code against the real PostgreSQL and Redis of DATABASE_URL and REDIS_URL.
 */
final class InfrastructureTest extends TestCase
{
    private const FIXTURE = __DIR__ . '/../fixtures/svc';

    public function testMigratorAppliesOnceAndRefusesEditedFiles(): void
    {
        $db = IntegrationEnv::database(self::FIXTURE);
        $db->pdo()->exec('DROP TABLE IF EXISTS things; DROP TABLE IF EXISTS schema_migrations');
        $migrator = new Migrator($db, self::FIXTURE . '/migrations');
        self::assertSame(['0001_create_things', '0002_index_things'], $migrator->migrate());
        self::assertSame([], $migrator->migrate());
        $db->pdo()->exec("UPDATE schema_migrations SET checksum = 'x' WHERE version = '0001_create_things'");
        try {
            $migrator->migrate();
            self::fail('an edited migration must be refused');
        } catch (\RuntimeException $e) {
            self::assertStringContainsString('0001_create_things changed after it was applied', $e->getMessage());
        }
        $db->pdo()->exec('DROP TABLE things; DROP TABLE schema_migrations');
    }

    public function testMigrateCommandSucceedsAgainstRealDatabase(): void
    {
        $out = fopen('php://memory', 'w+b');
        self::assertIsResource($out);
        $env = new Env(['DATABASE_URL' => IntegrationEnv::require('DATABASE_URL', 'postgres://...')]);
        self::assertSame(0, (new MigrateCommand($env, $out))->run(self::FIXTURE . '/migrations'));
        self::assertSame(0, (new MigrateCommand($env, $out))->run(self::FIXTURE . '/migrations'));
        rewind($out);
        $text = (string) stream_get_contents($out);
        self::assertStringContainsString('nothing to apply', $text);
    }

    public function testRuntimeIsReadyAndCountsInRedis(): void
    {
        $log = fopen('php://memory', 'w+b');
        self::assertIsResource($log);
        $env = new Env([
            'DATABASE_URL' => IntegrationEnv::require('DATABASE_URL', 'postgres://...'),
            'REDIS_URL' => IntegrationEnv::require('REDIS_URL', 'redis://...'),
            'REDIS_PREFIX' => IntegrationEnv::prefix(),
        ]);
        $kernel = Runtime::boot(self::FIXTURE, $env, new Logger('fixture', 'error', $log))->kernel(new Router());
        self::assertSame(200, $kernel->handle(new Request('GET', '/health/ready'))->status);
        $kernel->handle(new Request('GET', '/health/live'));
        $metrics = $kernel->handle(new Request('GET', '/metrics'))->body;
        self::assertStringContainsString(
            'http_requests_total{service="fixture",method="GET",route="/health/live",status="200"} 1',
            $metrics,
        );
    }

    public function testRedisStoreAddsAtomically(): void
    {
        $store = new RedisStore(IntegrationEnv::redis(), 'metrics');
        $store->add(['a' => 1.0, 'b' => 0.25]);
        $store->add(['a' => 2.0]);
        self::assertEqualsCanonicalizing(['a' => 3.0, 'b' => 0.25], $store->all());
    }
}
