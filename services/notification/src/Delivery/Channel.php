<?php

declare(strict_types=1);

namespace Platform\Notification\Delivery;

/**
 * Delivers a notification over one medium; throws DeliveryFailed when it could not.
 */
interface Channel
{
    public function deliver(Notification $notification): void;
}
