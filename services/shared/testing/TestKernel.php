<?php

declare(strict_types=1);

namespace Platform\Shared\Testing;

use Platform\Shared\App\Runtime;
use Platform\Shared\Config\Env;
use Platform\Shared\Health\Check;
use Platform\Shared\Health\Readiness;
use Platform\Shared\Http\Kernel;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;
use Platform\Shared\Log\Logger;
use Platform\Shared\Metrics\MemoryStore;
use Platform\Shared\Metrics\Metrics;
use RuntimeException;

/**
 * Drives a service's router through the real kernel in memory, for unit tests of endpoints.
 */
final class TestKernel
{
    private readonly Kernel $kernel;

    /** @param list<Check> $checks */
    public function __construct(Router $router, array $checks = [], string $service = 'test')
    {
        $metrics = new Metrics(new MemoryStore(), $service);
        $this->kernel = new Kernel($router, new Readiness($checks), $metrics, self::silentLogger($service));
    }

    /** Returns a logger that writes to memory, so tests print nothing but errors still go somewhere. */
    public static function silentLogger(string $service = 'test'): Logger
    {
        $log = fopen('php://memory', 'w+b');
        if ($log === false) {
            throw new RuntimeException('cannot open php://memory');
        }

        return new Logger($service, 'error', $log);
    }

    /**
     * Boots a service's runtime from its manifest with the given environment only; nothing connects yet.
     *
     * @param array<string, string> $env
     */
    public static function runtime(string $serviceDir, array $env = []): Runtime
    {
        return Runtime::boot($serviceDir, new Env($env), self::silentLogger());
    }

    /**
     * Sends a request through the kernel.
     *
     * @param array<string, mixed>|string|null $body an array is sent as JSON, a string as is
     * @param array<string, string> $query
     */
    public function call(string $method, string $path, array|string|null $body = null, array $query = []): Response
    {
        $raw = is_array($body) ? json_encode($body, JSON_THROW_ON_ERROR) : ($body ?? '');

        return $this->kernel->handle(new Request($method, $path, $query, ['content-type' => 'application/json'], $raw));
    }

    /**
     * Calls and decodes the JSON answer.
     *
     * @param array<string, mixed>|string|null $body
     * @param array<string, string> $query
     * @return array{int, array<string, mixed>}
     */
    public function json(string $method, string $path, array|string|null $body = null, array $query = []): array
    {
        $response = $this->call($method, $path, $body, $query);

        return [$response->status, self::decode($response)];
    }

    /** @return array<string, mixed> */
    public static function decode(Response $response): array
    {
        $decoded = json_decode($response->body, true);
        if (!is_array($decoded)) {
            throw new RuntimeException(sprintf('response is not a JSON object: %s', $response->body));
        }
        /** @var array<string, mixed> $decoded */
        return $decoded;
    }
}
