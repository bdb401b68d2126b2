<?php

declare(strict_types=1);

namespace Platform\Shared\Metrics;

/**
 * Keeps metric samples across PHP's share-nothing requests.
 *
 * A sample key is json_encode([sample name, labels]); values only ever grow.
 */
interface Store
{
    /** @param array<string, float> $deltas sample key => amount to add, applied atomically */
    public function add(array $deltas): void;

    /** @return array<string, float> sample key => value */
    public function all(): array;
}
