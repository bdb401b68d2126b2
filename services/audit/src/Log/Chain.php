<?php

declare(strict_types=1);

namespace Platform\Audit\Log;

/**
 * Computes and checks the hash chain: hash = sha256(prev_hash + canonical event).
 */
final class Chain
{
    /** The prev_hash of the first event. */
    public const GENESIS = '0000000000000000000000000000000000000000000000000000000000000000';

    public static function hash(string $prevHash, NewEvent $event): string
    {
        return hash('sha256', $prevHash . "\n" . self::canonical([
            'occurred_at' => $event->occurredAt,
            'actor' => $event->actor,
            'action' => $event->action,
            'resource' => $event->resource,
            'metadata' => $event->metadata,
        ]));
    }

    /**
     * Walks events in id order and returns the id of the first one that breaks the chain, or null.
     *
     * @param iterable<Event> $events
     */
    public static function firstBroken(iterable $events): ?int
    {
        $prev = self::GENESIS;
        foreach ($events as $event) {
            $recomputed = self::hash($prev, new NewEvent(
                $event->occurredAt,
                $event->actor,
                $event->action,
                $event->resource,
                $event->metadata,
            ));
            if ($event->prevHash !== $prev || $event->hash !== $recomputed) {
                return $event->id;
            }
            $prev = $event->hash;
        }

        return null;
    }

    /** Encodes with object keys sorted and empty objects as {}, so a JSONB round trip hashes the same. */
    public static function canonical(mixed $value): string
    {
        return json_encode(
            self::sorted($value),
            JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION,
        );
    }

    private static function sorted(mixed $value): mixed
    {
        if (!is_array($value)) {
            return $value;
        }
        if ($value === []) {
            return new \stdClass();
        }
        $sorted = array_map([self::class, 'sorted'], $value);
        if (!array_is_list($value)) {
            ksort($sorted, SORT_STRING);
        }

        return $sorted;
    }
}
