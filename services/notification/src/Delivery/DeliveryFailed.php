<?php

declare(strict_types=1);

namespace Platform\Notification\Delivery;

use RuntimeException;

/**
 * Signals a delivery attempt that failed and may be retried.
 */
final class DeliveryFailed extends RuntimeException
{
}
