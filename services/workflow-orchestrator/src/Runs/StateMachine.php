<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator\Runs;

use Platform\Shared\Http\HttpError;

/**
 * Decides run transitions: pending → running → succeeded | failed, cancel before the end, retry a failure.
 */
final class StateMachine
{
    public const EVENTS = ['start', 'complete', 'fail', 'cancel', 'retry'];
    public const STATES = ['pending', 'running', 'succeeded', 'failed', 'cancelled'];

    /** @var array<string, array<string, string>> event => from state => to state */
    private const TRANSITIONS = [
        'start' => ['pending' => 'running'],
        'complete' => ['running' => 'succeeded'],
        'fail' => ['running' => 'failed'],
        'cancel' => ['pending' => 'cancelled', 'running' => 'cancelled'],
        'retry' => ['failed' => 'pending'],
    ];

    public function __construct(private readonly int $maxAttempts = 3)
    {
    }

    /** Returns the state after event, or throws a 409 saying which events the run accepts now. */
    public function next(Run $run, string $event): string
    {
        $to = self::TRANSITIONS[$event][$run->state] ?? null;
        if ($to === null) {
            throw HttpError::conflict(sprintf(
                'run %s is %s: "%s" is not allowed; allowed now: %s',
                $run->id,
                $run->state,
                $event,
                implode(', ', $this->allowed($run->state)) ?: 'none (final state)',
            ));
        }
        if ($event === 'retry' && $run->attempt >= $this->maxAttempts) {
            throw HttpError::conflict(sprintf('run %s has used all %d attempts', $run->id, $this->maxAttempts));
        }

        return $to;
    }

    /** @return list<string> */
    public function allowed(string $state): array
    {
        $events = [];
        foreach (self::TRANSITIONS as $event => $from) {
            if (isset($from[$state])) {
                $events[] = $event;
            }
        }

        return $events;
    }
}
