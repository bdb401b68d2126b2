<?php

declare(strict_types=1);

namespace Platform\Audit\Log;

/**
 * Persists audit events; appends are serialised so the chain never forks.
 */
interface EventStore
{
    /** Appends the event after the current last one, atomically. */
    public function append(NewEvent $event): Event;

    public function find(int $id): ?Event;

    /**
     * Lists events in id order after afterId, optionally for one resource or actor.
     *
     * @return list<Event>
     */
    public function list(?string $resource, ?string $actor, int $afterId, int $limit): array;
}
