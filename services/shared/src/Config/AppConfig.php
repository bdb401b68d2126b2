<?php

declare(strict_types=1);

namespace Platform\Shared\Config;

use Platform\Shared\Log\Logger;

/**
 * Holds the settings every service reads: APP_ENV, LOG_LEVEL, CACHE_TTL, DATABASE_URL, REDIS_URL.
 */
final class AppConfig
{
    public function __construct(
        public readonly string $service,
        public readonly string $appEnv,
        public readonly string $logLevel,
        public readonly int $cacheTtl,
        public readonly ?string $databaseUrl,
        public readonly ?string $redisUrl,
    ) {
    }

    public static function fromEnv(string $service, Env $env): self
    {
        $level = strtolower($env->string('LOG_LEVEL', 'info'));
        if (!in_array($level, Logger::LEVELS, true)) {
            throw new ConfigError(sprintf(
                'environment variable LOG_LEVEL must be one of %s, got "%s"',
                implode(', ', Logger::LEVELS),
                $level,
            ));
        }

        return new self(
            $service,
            $env->string('APP_ENV', 'production'),
            $level,
            $env->int('CACHE_TTL', 60, 0, 86400),
            $env->optional('DATABASE_URL'),
            $env->optional('REDIS_URL'),
        );
    }
}
