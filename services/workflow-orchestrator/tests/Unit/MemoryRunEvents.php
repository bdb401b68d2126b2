<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator\Tests\Unit;

use Platform\WorkflowOrchestrator\Runs\Run;
use Platform\WorkflowOrchestrator\Runs\RunEvents;
use RuntimeException;

/**
 * Keeps published events in memory; can be told to fail like an unreachable Redis.
 */
final class MemoryRunEvents implements RunEvents
{
    /** @var list<array<string, string>> */
    public array $events = [];
    public bool $failing = false;

    public function publish(Run $run, string $event, string $from): void
    {
        if ($this->failing) {
            throw new RuntimeException('redis down');
        }
        $this->events[] = ['run_id' => $run->id, 'event' => $event, 'from' => $from, 'to' => $run->state];
    }

    public function recent(int $count): array
    {
        return array_slice(array_reverse($this->events), 0, $count);
    }
}
