<?php

declare(strict_types=1);

namespace Platform\Notification\Delivery;

use Platform\Shared\Log\Logger;

/**
 * Delivers into the structured log: the channel for development and audit trails.
 */
final class LogChannel implements Channel
{
    public function __construct(private readonly Logger $logger)
    {
    }

    public function deliver(Notification $notification): void
    {
        $this->logger->info('notification', [
            'id' => $notification->id,
            'recipient' => $notification->recipient,
            'message' => $notification->message,
        ]);
    }
}
