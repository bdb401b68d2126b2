<?php

declare(strict_types=1);

namespace Platform\Shared\App;

use Closure;
use Platform\Shared\Config\AppConfig;
use Platform\Shared\Config\ConfigError;
use Platform\Shared\Config\Env;
use Platform\Shared\Db\Database;
use Platform\Shared\Health\PostgresCheck;
use Platform\Shared\Health\Readiness;
use Platform\Shared\Health\RedisCheck;
use Platform\Shared\Http\Kernel;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;
use Platform\Shared\Log\Logger;
use Platform\Shared\Metrics\FileStore;
use Platform\Shared\Metrics\Metrics;
use Platform\Shared\Metrics\RedisStore;
use Platform\Shared\Metrics\Store;
use Platform\Shared\Redis\RedisConnection;

/**
 * Wires a service from its manifest and environment: config, logs, lazy connections, health, metrics, kernel.
 */
final class Runtime
{
    private ?Database $database = null;
    private ?RedisConnection $redis = null;

    public function __construct(
        public readonly ServiceManifest $manifest,
        public readonly AppConfig $config,
        public readonly Env $env,
        public readonly Logger $logger,
    ) {
    }

    /** Boots the service in serviceDir from the process environment (or the given one). */
    public static function boot(string $serviceDir, ?Env $env = null, ?Logger $logger = null): self
    {
        $manifest = ServiceManifest::load($serviceDir);
        $env ??= Env::fromProcess();
        $config = AppConfig::fromEnv($manifest->service, $env);

        return new self($manifest, $config, $env, $logger ?? Logger::stderr($manifest->service, $config->logLevel));
    }

    /**
     * Serves the current request (the body of public/index.php).
     *
     * @param Closure(Runtime): Router $routes
     */
    public static function serve(string $serviceDir, Closure $routes): void
    {
        $request = Request::fromGlobals();
        try {
            $runtime = self::boot($serviceDir);
            $response = $runtime->kernel($routes($runtime))->handle($request);
        } catch (ConfigError $e) {
            $response = $request->path === '/health/live'
                ? Response::json(['status' => 'live'])
                : Response::json(['error' => 'misconfigured', 'message' => $e->getMessage()], 503);
        }
        $response->send();
    }

    public function database(): Database
    {
        if (!$this->manifest->postgres) {
            throw new ConfigError($this->manifest->service . ' does not declare "postgres": true in its manifest');
        }

        return $this->database ??= Database::fromUrl($this->requireUrl($this->config->databaseUrl, 'DATABASE_URL'));
    }

    public function redis(): RedisConnection
    {
        if (!$this->manifest->redis) {
            throw new ConfigError($this->manifest->service . ' does not declare "redis": true in its manifest');
        }
        $url = $this->requireUrl($this->config->redisUrl, 'REDIS_URL');

        $prefix = $this->env->string('REDIS_PREFIX', $this->manifest->service . ':');

        return $this->redis ??= RedisConnection::fromUrl($url, $prefix);
    }

    /** Builds the kernel: readiness probes what the manifest declares, metrics live in Redis when there is one. */
    public function kernel(Router $router): Kernel
    {
        $checks = [];
        if ($this->manifest->postgres) {
            $checks[] = new PostgresCheck($this->database());
        }
        if ($this->manifest->redis) {
            $checks[] = new RedisCheck($this->redis());
        }

        $metrics = new Metrics($this->metricsStore(), $this->manifest->service);

        return new Kernel($router, new Readiness($checks), $metrics, $this->logger);
    }

    private function metricsStore(): Store
    {
        return $this->manifest->redis
            ? new RedisStore($this->redis(), 'metrics')
            : FileStore::forService($this->manifest->service);
    }

    private function requireUrl(?string $url, string $name): string
    {
        if ($url === null) {
            throw new ConfigError(sprintf(
                'environment variable %s is not set; the manifest of %s declares this dependency',
                $name,
                $this->manifest->service,
            ));
        }

        return $url;
    }
}
