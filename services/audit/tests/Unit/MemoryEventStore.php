<?php

declare(strict_types=1);

namespace Platform\Audit\Tests\Unit;

use Platform\Audit\Log\Chain;
use Platform\Audit\Log\Event;
use Platform\Audit\Log\EventStore;
use Platform\Audit\Log\NewEvent;

/**
 * Keeps events in memory, with the same chaining as the PostgreSQL store.
 */
final class MemoryEventStore implements EventStore
{
    /** @var list<Event> */
    public array $events = [];

    public function append(NewEvent $event): Event
    {
        $prev = $this->events === [] ? Chain::GENESIS : $this->events[count($this->events) - 1]->hash;
        $stored = new Event(
            count($this->events) + 1,
            $event->occurredAt,
            $event->actor,
            $event->action,
            $event->resource,
            $event->metadata,
            $prev,
            Chain::hash($prev, $event),
        );
        $this->events[] = $stored;

        return $stored;
    }

    public function find(int $id): ?Event
    {
        return $this->events[$id - 1] ?? null;
    }

    public function list(?string $resource, ?string $actor, int $afterId, int $limit): array
    {
        $matching = array_filter(
            $this->events,
            static fn (Event $e): bool => $e->id > $afterId
                && ($resource === null || $e->resource === $resource)
                && ($actor === null || $e->actor === $actor),
        );

        return array_slice(array_values($matching), 0, $limit);
    }
}
