<?php

declare(strict_types=1);

namespace Platform\Shared\Tests\Unit;

use Platform\Shared\App\Runtime;
use Platform\Shared\Config\ConfigError;
use Platform\Shared\Config\Env;
use Platform\Shared\Db\MigrateCommand;
use Platform\Shared\Db\Migrator;
use Platform\Shared\Db\Database;
use Platform\Shared\Health\Check;
use Platform\Shared\Health\Readiness;
use Platform\Shared\Http\Client\ClientResponse;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Router;
use Platform\Shared\Log\Logger;
use PHPUnit\Framework\TestCase;
use RuntimeException;

final class RuntimeTest extends TestCase
{
    private const FIXTURE = __DIR__ . '/../fixtures/svc';

    private function runtime(Env $env): Runtime
    {
        $log = fopen('php://memory', 'w+b');
        self::assertIsResource($log);

        return Runtime::boot(self::FIXTURE, $env, new Logger('fixture', 'error', $log));
    }

    public function testReadinessNamesTheFailingDependency(): void
    {
        $ok = new class implements Check {
            public function name(): string
            {
                return 'redis';
            }

            public function check(): void
            {
            }
        };
        $down = new class implements Check {
            public function name(): string
            {
                return 'postgres';
            }

            public function check(): void
            {
                throw new RuntimeException('connection refused');
            }
        };
        $response = (new Readiness([$ok, $down]))->respond();
        self::assertSame(503, $response->status);
        $body = json_decode($response->body, true);
        self::assertIsArray($body);
        self::assertSame(['postgres'], $body['failing']);
        self::assertSame(['redis' => 'ok', 'postgres' => 'connection refused'], $body['checks']);
        self::assertSame(200, (new Readiness([$ok]))->respond()->status);
    }

    public function testRuntimeWiresWhatTheManifestDeclaresWithoutConnecting(): void
    {
        $runtime = $this->runtime(new Env([
            'DATABASE_URL' => 'postgres://u:p@127.0.0.1:1/db',
            'REDIS_URL' => 'redis://127.0.0.1:1',
        ]));
        self::assertSame('fixture', $runtime->manifest->service);
        self::assertSame('fixture:', $runtime->redis()->prefix);
        self::assertSame(1, $runtime->database()->url()->port);
        $response = $runtime->kernel(new Router())->handle(new Request('GET', '/health/ready'));
        self::assertSame(503, $response->status);
        self::assertStringContainsString('"failing":["postgres","redis"]', $response->body);
    }

    public function testMissingUrlsAreConfigErrors(): void
    {
        $runtime = $this->runtime(new Env([]));
        try {
            $runtime->database();
            self::fail('expected ConfigError');
        } catch (ConfigError $e) {
            self::assertStringContainsString('DATABASE_URL is not set', $e->getMessage());
        }
        $this->expectExceptionMessage('REDIS_URL is not set');
        $runtime->redis();
    }

    public function testUndeclaredDependenciesAreRefused(): void
    {
        $dir = sys_get_temp_dir() . '/runtime-' . bin2hex(random_bytes(4));
        mkdir($dir);
        file_put_contents(
            $dir . '/composer.json',
            '{"extra":{"platform":{"service":"x","postgres":false,"redis":false}}}',
        );
        try {
            $log = fopen('php://memory', 'w+b');
            self::assertIsResource($log);
            $runtime = Runtime::boot($dir, new Env([]), new Logger('x', 'info', $log));
            self::assertSame(200, $runtime->kernel(new Router())->handle(new Request('GET', '/health/ready'))->status);
            try {
                $runtime->redis();
                self::fail('expected ConfigError');
            } catch (ConfigError $e) {
                self::assertStringContainsString('does not declare "redis"', $e->getMessage());
            }
            $this->expectExceptionMessage('does not declare "postgres"');
            $runtime->database();
        } finally {
            unlink($dir . '/composer.json');
            rmdir($dir);
        }
    }

    public function testMigrateCommandReportsConfigErrors(): void
    {
        [$code, $out] = $this->migrate(new Env([]));
        self::assertSame(2, $code);
        self::assertStringContainsString('DATABASE_URL is not set', $out);
        [$code, $out] = $this->migrate(new Env(['DATABASE_URL' => 'mysql://x/y']));
        self::assertSame(2, $code);
        self::assertStringContainsString('must look like postgres://', $out);
    }

    public function testMigrateCommandWaitsBoundedThenFails(): void
    {
        $slept = 0;
        $env = new Env(['DATABASE_URL' => 'postgres://u:p@127.0.0.1:1/db', 'MIGRATE_WAIT_SECONDS' => '2']);
        [$code, $out] = $this->migrate($env, static function (int $s) use (&$slept): void {
            $slept += $s;
        });
        self::assertSame(2, $code);
        self::assertSame(2, $slept);
        self::assertStringContainsString('waiting for database u@127.0.0.1:1/db (attempt 2)', $out);
        self::assertStringContainsString('not reachable after 2s (3 attempts)', $out);
    }

    public function testMigrationFilesAreOrderedAndNamesChecked(): void
    {
        $db = Database::fromUrl('postgres://u:p@127.0.0.1:1/db');
        $files = (new Migrator($db, self::FIXTURE . '/migrations'))->files();
        self::assertSame(['0001_create_things', '0002_index_things'], array_keys($files));
        $this->expectExceptionMessage('migration file 1_Bad.sql must be named NNNN_lower_snake.sql');
        (new Migrator($db, __DIR__ . '/../fixtures/bad-migrations'))->files();
    }

    public function testClientResponse(): void
    {
        self::assertSame(['a' => 1], (new ClientResponse(200, '{"a":1}'))->json());
        self::assertNull((new ClientResponse(200, '[1]'))->json());
        self::assertTrue((new ClientResponse(204, ''))->ok());
        self::assertFalse((new ClientResponse(500, ''))->ok());
    }

    /**
     * @param (\Closure(int): void)|null $sleep
     * @return array{int, string}
     */
    private function migrate(Env $env, ?\Closure $sleep = null): array
    {
        $out = fopen('php://memory', 'w+b');
        self::assertIsResource($out);
        $code = (new MigrateCommand($env, $out, $sleep ?? static function (int $s): void {
        }))->run(self::FIXTURE . '/migrations');
        rewind($out);

        return [$code, (string) stream_get_contents($out)];
    }
}
