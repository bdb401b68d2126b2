<?php

declare(strict_types=1);

namespace Platform\Notification\Delivery;

use Platform\Shared\Http\Client\ClientError;
use Platform\Shared\Http\Client\HttpClient;

/**
 * Delivers by POSTing JSON to the recipient URL; any non-2xx answer is a failed attempt.
 */
final class WebhookChannel implements Channel
{
    public function __construct(private readonly HttpClient $client)
    {
    }

    public function deliver(Notification $notification): void
    {
        try {
            $response = $this->client->send('POST', $notification->recipient, [
                'id' => $notification->id,
                'message' => $notification->message,
                'attempt' => $notification->attempts + 1,
            ], ['Idempotency-Key' => $notification->id]);
        } catch (ClientError $e) {
            throw new DeliveryFailed($e->getMessage(), 0, $e);
        }
        if (!$response->ok()) {
            throw new DeliveryFailed(sprintf('webhook answered %d', $response->status));
        }
    }
}
