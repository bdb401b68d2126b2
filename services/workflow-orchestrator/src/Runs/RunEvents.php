<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator\Runs;

/**
 * Publishes run transitions for other services to follow.
 */
interface RunEvents
{
    public function publish(Run $run, string $event, string $from): void;

    /**
     * Returns the newest events first.
     *
     * @return list<array<string, string>>
     */
    public function recent(int $count): array;
}
