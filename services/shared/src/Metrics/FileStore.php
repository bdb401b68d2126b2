<?php

declare(strict_types=1);

namespace Platform\Shared\Metrics;

use RuntimeException;

/**
 * Keeps samples in a JSON file guarded by flock, for services without Redis.
 *
 * One file per container (sys_get_temp_dir()), so each pod exposes its own
 * counters, which is what Prometheus expects of a scrape target. Counters reset
 * when the container restarts; Prometheus' rate() handles resets.
 */
final class FileStore implements Store
{
    public function __construct(private readonly string $path)
    {
    }

    /** Builds the store a service without Redis uses. */
    public static function forService(string $service): self
    {
        return new self(sys_get_temp_dir() . '/platform-metrics-' . $service . '.json');
    }

    public function add(array $deltas): void
    {
        $this->withLock(LOCK_EX, function ($handle) use ($deltas): void {
            $values = $this->read($handle);
            foreach ($deltas as $key => $delta) {
                $values[$key] = ($values[$key] ?? 0.0) + $delta;
            }
            ftruncate($handle, 0);
            rewind($handle);
            fwrite($handle, json_encode($values, JSON_THROW_ON_ERROR | JSON_PRESERVE_ZERO_FRACTION));
            fflush($handle);
        });
    }

    public function all(): array
    {
        $values = [];
        $this->withLock(LOCK_SH, function ($handle) use (&$values): void {
            $values = $this->read($handle);
        });

        return $values;
    }

    /** @param callable(resource): void $fn */
    private function withLock(int $mode, callable $fn): void
    {
        $handle = @fopen($this->path, 'c+');
        if ($handle === false) {
            throw new RuntimeException(sprintf('cannot open metrics file %s', $this->path));
        }
        try {
            flock($handle, $mode);
            $fn($handle);
        } finally {
            flock($handle, LOCK_UN);
            fclose($handle);
        }
    }

    /**
     * @param resource $handle
     * @return array<string, float>
     */
    private function read($handle): array
    {
        rewind($handle);
        $raw = stream_get_contents($handle);
        $decoded = is_string($raw) && $raw !== '' ? json_decode($raw, true) : [];
        $values = [];
        foreach (is_array($decoded) ? $decoded : [] as $key => $value) {
            if (is_int($value) || is_float($value)) {
                $values[(string) $key] = (float) $value;
            }
        }

        return $values;
    }
}
