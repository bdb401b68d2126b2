<?php

declare(strict_types=1);

namespace Platform\Shared\Metrics;

/**
 * Keeps samples in memory for one process (tests, CLI).
 */
final class MemoryStore implements Store
{
    /** @var array<string, float> */
    private array $values = [];

    public function add(array $deltas): void
    {
        foreach ($deltas as $key => $delta) {
            $this->values[$key] = ($this->values[$key] ?? 0.0) + $delta;
        }
    }

    public function all(): array
    {
        return $this->values;
    }
}
