<?php

declare(strict_types=1);

namespace Platform\Bff;

/**
 * Remembers the last platform status for a few seconds, so a busy dashboard does not fan out on every request.
 */
interface StatusCache
{
    /** @return array<string, mixed>|null */
    public function get(): ?array;

    /** @param array<string, mixed> $status */
    public function put(array $status): void;
}
