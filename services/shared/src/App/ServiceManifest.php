<?php

declare(strict_types=1);

namespace Platform\Shared\App;

use Platform\Shared\Config\ConfigError;

/**
 * Reads the service manifest (extra.platform of composer.json): the one place a service declares its dependencies.
 */
final class ServiceManifest
{
    public function __construct(
        public readonly string $service,
        public readonly bool $postgres,
        public readonly bool $redis,
    ) {
    }

    public static function load(string $serviceDir): self
    {
        $path = $serviceDir . '/composer.json';
        $raw = is_file($path) ? file_get_contents($path) : false;
        if ($raw === false) {
            throw new ConfigError(sprintf('cannot read %s: the manifest is its extra.platform section', $path));
        }

        return self::parse($raw, $path);
    }

    public static function parse(string $composerJson, string $source = 'composer.json'): self
    {
        $decoded = json_decode($composerJson, true);
        $extra = is_array($decoded) ? ($decoded['extra'] ?? null) : null;
        $platform = is_array($extra) ? ($extra['platform'] ?? null) : null;
        if (!is_array($platform)) {
            throw new ConfigError(sprintf('%s has no extra.platform section', $source));
        }
        $service = $platform['service'] ?? null;
        $postgres = $platform['postgres'] ?? null;
        $redis = $platform['redis'] ?? null;
        if (!is_string($service) || !is_bool($postgres) || !is_bool($redis)) {
            throw new ConfigError($source . ': extra.platform needs service (string), postgres and redis (bool)');
        }

        return new self($service, $postgres, $redis);
    }
}
