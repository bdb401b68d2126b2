<?php

declare(strict_types=1);

namespace Platform\Bff\Tests\Unit;

use Platform\Bff\StatusCache;

/**
 * Keeps the status in memory.
 */
final class MemoryStatusCache implements StatusCache
{
    /** @var array<string, mixed>|null */
    public ?array $status = null;

    public function get(): ?array
    {
        return $this->status;
    }

    public function put(array $status): void
    {
        $this->status = $status;
    }
}
