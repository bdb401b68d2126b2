<?php

declare(strict_types=1);

namespace Platform\Shared\Redis;

use Platform\Shared\Config\ConfigError;
use Redis;
use RedisException;
use RuntimeException;

/**
 * Parses REDIS_URL (redis://[:password@]host:port[/db]) and connects on first use.
 *
 * Every key goes through phpredis' OPT_PREFIX, so tests (and tenants) can share a server.
 */
final class RedisConnection
{
    private ?Redis $client = null;

    public function __construct(
        public readonly string $host,
        public readonly int $port,
        public readonly int $database,
        private readonly ?string $password,
        public readonly string $prefix,
        private readonly float $timeout = 2.0,
    ) {
    }

    public static function fromUrl(string $url, string $prefix, float $timeout = 2.0): self
    {
        $parts = parse_url($url);
        if (!is_array($parts) || ($parts['scheme'] ?? '') !== 'redis' || !isset($parts['host'])) {
            throw new ConfigError('REDIS_URL must look like redis://host:6379 or redis://host:6379/2');
        }
        $path = ltrim($parts['path'] ?? '', '/');
        if ($path !== '' && !ctype_digit($path)) {
            throw new ConfigError(sprintf('REDIS_URL database must be a number, got "%s"', $path));
        }
        $password = isset($parts['pass']) ? rawurldecode($parts['pass']) : null;

        return new self($parts['host'], $parts['port'] ?? 6379, (int) $path, $password, $prefix, $timeout);
    }

    public function client(): Redis
    {
        if ($this->client !== null) {
            return $this->client;
        }
        $redis = new Redis();
        try {
            $connected = $redis->connect($this->host, $this->port, $this->timeout);
        } catch (RedisException $e) {
            $connected = false;
        }
        if (!$connected) {
            throw new RuntimeException(sprintf('cannot connect to Redis at %s:%d', $this->host, $this->port));
        }
        if ($this->password !== null && !$redis->auth($this->password)) {
            throw new RuntimeException(sprintf('Redis at %s:%d rejected the password', $this->host, $this->port));
        }
        $redis->select($this->database);
        $redis->setOption(Redis::OPT_PREFIX, $this->prefix);
        $redis->setOption(Redis::OPT_READ_TIMEOUT, $this->timeout);

        return $this->client = $redis;
    }
}
