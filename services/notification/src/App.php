<?php

declare(strict_types=1);

namespace Platform\Notification;

use Platform\Notification\Delivery\Dispatcher;
use Platform\Notification\Delivery\LogChannel;
use Platform\Notification\Delivery\Queue;
use Platform\Notification\Delivery\RedisQueue;
use Platform\Notification\Delivery\WebhookChannel;
use Platform\Shared\App\Runtime;
use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Http\HttpError;
use Platform\Shared\Http\Input;
use Platform\Shared\Http\Query;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;

/**
 * Routes of the notification service: queue a notification, read its status, work the queue, list dead letters.
 */
final class App
{
    public function __construct(private readonly Dispatcher $dispatcher, private readonly Queue $queue)
    {
    }

    /** Builds the dispatcher from the runtime: Redis queue, log and webhook channels. */
    public static function dispatcher(Runtime $runtime): Dispatcher
    {
        $channels = [
            'log' => new LogChannel($runtime->logger),
            'webhook' => new WebhookChannel(new CurlHttpClient(5.0)),
        ];
        $retryBase = $runtime->env->int('NOTIFY_RETRY_BASE_SECONDS', 5, 0, 3600);

        return new Dispatcher(new RedisQueue($runtime->redis()), $channels, $retryBase);
    }

    /** Wires the service for the HTTP front controller. */
    public static function fromRuntime(Runtime $runtime): Router
    {
        return (new self(self::dispatcher($runtime), new RedisQueue($runtime->redis())))->router();
    }

    public function router(): Router
    {
        return (new Router())
            ->post('/v1/notifications', fn (Request $r): Response => $this->submit($r))
            ->get('/v1/notifications/{id}', fn (Request $r, array $p): Response => $this->show($p['id']))
            ->post('/v1/deliveries/run', fn (Request $r): Response => Response::json(
                $this->dispatcher->run(Query::of($r)->int('max', 100, 1, 1000)),
            ))
            ->get('/v1/dead-letters', fn (Request $r): Response => Response::json([
                'ids' => $this->queue->dead(Query::of($r)->int('limit', 100, 1, 1000)),
            ]));
    }

    private function submit(Request $request): Response
    {
        $in = Input::fromRequest($request);
        $channel = $in->oneOf('channel', $this->dispatcher->channels());
        $recipient = $in->string('recipient', 2048);
        if ($channel === 'webhook' && preg_match('#^https?://[^\s/$.?\#].[^\s]*$#i', $recipient) !== 1) {
            throw HttpError::invalidField('recipient', 'must be an http(s) URL for the webhook channel');
        }
        $notification = $this->dispatcher->submit(
            $channel,
            $recipient,
            $in->string('message', 4000),
            $in->optionalInt('max_attempts', 5, 1, 20),
        );

        return Response::json($notification->toArray(), 202, ['Location' => '/v1/notifications/' . $notification->id]);
    }

    private function show(string $id): Response
    {
        $notification = ctype_xdigit($id) ? $this->queue->find($id) : null;
        if ($notification === null) {
            throw HttpError::notFound(sprintf('no notification %s', $id));
        }

        return Response::json($notification->toArray());
    }
}
