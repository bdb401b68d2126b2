<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator\Runs;

use Platform\Shared\Redis\RedisConnection;

/**
 * Appends transitions to a capped Redis stream (runs:events) that consumers read with XREAD.
 */
final class RedisRunEvents implements RunEvents
{
    public const STREAM = 'runs:events';
    private const MAX_LENGTH = 10_000;

    public function __construct(private readonly RedisConnection $redis)
    {
    }

    public function publish(Run $run, string $event, string $from): void
    {
        $this->redis->client()->xAdd(self::STREAM, '*', [
            'run_id' => $run->id,
            'workflow' => $run->workflow,
            'event' => $event,
            'from' => $from,
            'to' => $run->state,
            'version' => (string) $run->version,
        ], self::MAX_LENGTH, true);
    }

    public function recent(int $count): array
    {
        $entries = $this->redis->client()->xRevRange(self::STREAM, '+', '-', $count);
        $events = [];
        foreach (is_array($entries) ? $entries : [] as $id => $fields) {
            $event = ['id' => (string) $id];
            foreach (is_array($fields) ? $fields : [] as $name => $value) {
                $event[(string) $name] = is_scalar($value) ? (string) $value : '';
            }
            $events[] = $event;
        }

        return $events;
    }
}
