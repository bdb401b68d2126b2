<?php

declare(strict_types=1);

namespace Platform\Shared\Health;

/**
 * Probes one dependency for /health/ready.
 */
interface Check
{
    /** Names the dependency as the manifest does: postgres, redis. */
    public function name(): string;

    /** Returns normally when the dependency answers; throws with the reason otherwise. */
    public function check(): void;
}
