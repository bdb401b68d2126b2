<?php

declare(strict_types=1);

namespace Platform\Notification\Tests\Unit;

use Platform\Notification\Delivery\DeliveryFailed;
use Platform\Notification\Delivery\Notification;
use Platform\Notification\Delivery\WebhookChannel;
use Platform\Shared\Http\Client\ClientError;
use Platform\Shared\Http\Client\ClientResponse;
use Platform\Shared\Testing\FakeHttpClient;
use PHPUnit\Framework\TestCase;

final class WebhookChannelTest extends TestCase
{
    private static function client(ClientResponse|ClientError $answer): FakeHttpClient
    {
        return FakeHttpClient::always($answer);
    }

    public function testPostsWithIdempotencyKey(): void
    {
        $client = self::client(new ClientResponse(204, ''));
        (new WebhookChannel($client))->deliver(
            new Notification('n1', 'webhook', 'https://h/x', 'hi', 3, 'retrying', 1),
        );
        self::assertSame(
            [[
                'method' => 'POST',
                'url' => 'https://h/x',
                'json' => ['id' => 'n1', 'message' => 'hi', 'attempt' => 2],
                'headers' => ['Idempotency-Key' => 'n1'],
            ]],
            $client->calls,
        );
    }

    public function testNon2xxFails(): void
    {
        $this->expectException(DeliveryFailed::class);
        $this->expectExceptionMessage('webhook answered 500');
        (new WebhookChannel(self::client(new ClientResponse(500, ''))))->deliver(
            new Notification('n', 'webhook', 'https://h', 'm', 1),
        );
    }

    public function testNoAnswerFails(): void
    {
        $this->expectException(DeliveryFailed::class);
        $this->expectExceptionMessage('refused');
        (new WebhookChannel(self::client(new ClientError('refused'))))->deliver(
            new Notification('n', 'webhook', 'https://h', 'm', 1),
        );
    }

    public function testFieldsRoundTrip(): void
    {
        $n = new Notification('n', 'log', 'r', 'm', 4, 'retrying', 2, 'err');
        self::assertEquals($n, Notification::fromFields($n->toFields()));
        self::assertNull(Notification::fromFields(['id' => 'x'])->lastError);
    }
}
