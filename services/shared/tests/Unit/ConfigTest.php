<?php

declare(strict_types=1);

namespace Platform\Shared\Tests\Unit;

use Platform\Shared\App\ServiceManifest;
use Platform\Shared\Config\AppConfig;
use Platform\Shared\Config\ConfigError;
use Platform\Shared\Config\Env;
use Platform\Shared\Db\DatabaseUrl;
use Platform\Shared\Log\Logger;
use Platform\Shared\Redis\RedisConnection;
use PHPUnit\Framework\TestCase;

final class ConfigTest extends TestCase
{
    public function testDefaults(): void
    {
        $config = AppConfig::fromEnv('svc', new Env([]));
        self::assertSame('production', $config->appEnv);
        self::assertSame('info', $config->logLevel);
        self::assertSame(60, $config->cacheTtl);
        self::assertNull($config->databaseUrl);
        self::assertNull($config->redisUrl);
    }

    public function testOverrides(): void
    {
        $env = (new Env(['APP_ENV' => 'dev', 'LOG_LEVEL' => 'DEBUG', 'CACHE_TTL' => '5']))->with(
            'REDIS_URL',
            'redis://r',
        );
        $config = AppConfig::fromEnv('svc', $env);
        self::assertSame(
            ['dev', 'debug', 5, 'redis://r'],
            [$config->appEnv, $config->logLevel, $config->cacheTtl, $config->redisUrl],
        );
        self::assertTrue($env->has('APP_ENV'));
        self::assertFalse($env->has('NOPE'));
        self::assertSame('dev', $env->required('APP_ENV', 'why'));
    }

    /** @return iterable<string, array{array<string, string>, string}> */
    public static function badEnv(): iterable
    {
        yield 'level' => [['LOG_LEVEL' => 'loud'], 'LOG_LEVEL must be one of debug, info, warning, error, got "loud"'];
        yield 'ttl type' => [['CACHE_TTL' => 'soon'], 'CACHE_TTL must be an integer between 0 and 86400, got "soon"'];
        yield 'ttl range' => [['CACHE_TTL' => '-1'], 'CACHE_TTL must be an integer'];
    }

    /**
     * @dataProvider badEnv
     * @param array<string, string> $vars
     */
    public function testBadSettingsNameTheVariable(array $vars, string $message): void
    {
        $this->expectException(ConfigError::class);
        $this->expectExceptionMessage($message);
        AppConfig::fromEnv('svc', new Env($vars));
    }

    public function testRequiredExplainsWhy(): void
    {
        $this->expectExceptionMessage('environment variable X is not set: needed');
        (new Env([]))->required('X', 'needed');
    }

    public function testFromProcessSeesRealEnvironment(): void
    {
        putenv('PLATFORM_TEST_VAR=1');
        self::assertSame('1', Env::fromProcess()->string('PLATFORM_TEST_VAR', '0'));
    }

    public function testDatabaseUrl(): void
    {
        $url = DatabaseUrl::parse('postgres://u%40x:p%3Aw@db:6543/app');
        self::assertSame(
            ['db', 6543, 'app', 'u@x', 'p:w'],
            [$url->host, $url->port, $url->database, $url->user, $url->password],
        );
        self::assertSame('pgsql:host=db;port=6543;dbname=app;connect_timeout=3', $url->dsn(3));
        self::assertSame('u@x@db:6543/app', $url->describe());
        self::assertSame(5432, DatabaseUrl::parse('postgresql://db/app')->port);
    }

    /** @return iterable<string, array{string, string}> */
    public static function badDatabaseUrls(): iterable
    {
        yield 'scheme' => ['mysql://db/app', 'must look like postgres://'];
        yield 'garbage' => ['::', 'must look like postgres://'];
        yield 'no db' => ['postgres://db:5432', 'names no database'];
    }

    /** @dataProvider badDatabaseUrls */
    public function testBadDatabaseUrls(string $url, string $message): void
    {
        $this->expectExceptionMessage($message);
        DatabaseUrl::parse($url);
    }

    public function testRedisUrl(): void
    {
        $redis = RedisConnection::fromUrl('redis://:pw@cache:6380/3', 'p:');
        self::assertSame(['cache', 6380, 3, 'p:'], [$redis->host, $redis->port, $redis->database, $redis->prefix]);
        self::assertSame(6379, RedisConnection::fromUrl('redis://cache', 'p:')->port);
    }

    /** @return iterable<string, array{string, string}> */
    public static function badRedisUrls(): iterable
    {
        yield 'scheme' => ['http://cache', 'REDIS_URL must look like redis://'];
        yield 'db' => ['redis://cache/x', 'REDIS_URL database must be a number, got "x"'];
    }

    /** @dataProvider badRedisUrls */
    public function testBadRedisUrls(string $url, string $message): void
    {
        $this->expectExceptionMessage($message);
        RedisConnection::fromUrl($url, '');
    }

    public function testRedisUnreachableFailsClearly(): void
    {
        $this->expectExceptionMessage('cannot connect to Redis at 127.0.0.1:1');
        RedisConnection::fromUrl('redis://127.0.0.1:1', '', 0.2)->client();
    }

    public function testManifest(): void
    {
        $manifest = ServiceManifest::parse('{"extra":{"platform":{"service":"a","postgres":true,"redis":false}}}');
        self::assertSame(['a', true, false], [$manifest->service, $manifest->postgres, $manifest->redis]);
    }

    /** @return iterable<string, array{string, string}> */
    public static function badManifests(): iterable
    {
        yield 'none' => ['{}', 'has no extra.platform section'];
        yield 'not json' => ['{', 'has no extra.platform section'];
        yield 'types' => [
            '{"extra":{"platform":{"service":"a","postgres":"yes","redis":false}}}',
            'needs service (string)',
        ];
    }

    /** @dataProvider badManifests */
    public function testBadManifests(string $json, string $message): void
    {
        $this->expectExceptionMessage($message);
        ServiceManifest::parse($json);
    }

    public function testManifestFileMissing(): void
    {
        $this->expectExceptionMessage('cannot read /nonexistent/composer.json');
        ServiceManifest::load('/nonexistent');
    }

    public function testLoggerWritesJsonLinesAboveThreshold(): void
    {
        $stream = fopen('php://memory', 'w+b');
        self::assertIsResource($stream);
        $logger = new Logger('svc', 'info', $stream);
        $logger->debug('hidden');
        $logger->info('shown', ['k' => 'v']);
        $logger->warning('warn');
        $logger->error('err');
        rewind($stream);
        $lines = explode("\n", trim((string) stream_get_contents($stream)));
        self::assertCount(3, $lines);
        $first = json_decode($lines[0], true);
        self::assertIsArray($first);
        self::assertSame(
            ['info', 'svc', 'shown', 'v'],
            [$first['level'], $first['service'], $first['msg'], $first['k']],
        );
        self::assertInstanceOf(Logger::class, Logger::stderr('svc', 'error'));
    }
}
