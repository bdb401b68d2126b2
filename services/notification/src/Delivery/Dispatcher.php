<?php

declare(strict_types=1);

namespace Platform\Notification\Delivery;

use Closure;

/**
 * Queues notifications and works the queue: deliver, retry with exponential backoff, bury after the last attempt.
 */
final class Dispatcher
{
    private const MAX_BACKOFF_SECONDS = 3600;

    /** @var Closure(): int */
    private readonly Closure $clock;

    /**
     * @param array<string, Channel> $channels by name
     * @param (Closure(): int)|null $clock unix time
     */
    public function __construct(
        private readonly Queue $queue,
        private readonly array $channels,
        private readonly int $retryBaseSeconds,
        ?Closure $clock = null,
    ) {
        $this->clock = $clock ?? static fn (): int => time();
    }

    /** @return list<string> */
    public function channels(): array
    {
        return array_keys($this->channels);
    }

    public function submit(string $channel, string $recipient, string $message, int $maxAttempts): Notification
    {
        $notification = new Notification(bin2hex(random_bytes(12)), $channel, $recipient, $message, $maxAttempts);
        $this->queue->save($notification);
        $this->queue->enqueue($notification->id);

        return $notification;
    }

    /**
     * Releases due retries, then attempts up to max ready notifications.
     *
     * @return array{released: int, processed: int, delivered: int, retrying: int, dead: int}
     */
    public function run(int $max): array
    {
        $report = ['released' => $this->queue->releaseDue(($this->clock)()), 'processed' => 0];
        $report += [Notification::DELIVERED => 0, Notification::RETRYING => 0, Notification::DEAD => 0];
        while ($report['processed'] < $max && ($id = $this->queue->next()) !== null) {
            $notification = $this->queue->find($id);
            if ($notification === null) {
                continue;
            }
            $report['processed']++;
            $report[$this->attempt($notification)]++;
        }

        return $report;
    }

    /** @return 'delivered'|'retrying'|'dead' */
    private function attempt(Notification $notification): string
    {
        try {
            $channel = $this->channels[$notification->channel] ?? null;
            if ($channel === null) {
                throw new DeliveryFailed(sprintf('unknown channel "%s"', $notification->channel));
            }
            $channel->deliver($notification);
            $this->queue->save($notification->attempted(Notification::DELIVERED, null));

            return Notification::DELIVERED;
        } catch (DeliveryFailed $e) {
            return $this->failed($notification, $e->getMessage());
        }
    }

    /** @return 'retrying'|'dead' */
    private function failed(Notification $notification, string $error): string
    {
        if ($notification->attempts + 1 >= $notification->maxAttempts) {
            $this->queue->save($notification->attempted(Notification::DEAD, $error));
            $this->queue->bury($notification->id);

            return Notification::DEAD;
        }
        $this->queue->save($notification->attempted(Notification::RETRYING, $error));
        $delay = min(self::MAX_BACKOFF_SECONDS, $this->retryBaseSeconds * 2 ** $notification->attempts);
        $this->queue->scheduleRetry($notification->id, ($this->clock)() + $delay);

        return Notification::RETRYING;
    }
}
