<?php

declare(strict_types=1);

namespace Platform\Audit;

use Closure;
use DateTimeImmutable;
use DateTimeZone;
use Platform\Audit\Log\Chain;
use Platform\Audit\Log\Event;
use Platform\Audit\Log\EventStore;
use Platform\Audit\Log\NewEvent;
use Platform\Audit\Log\PostgresEventStore;
use Platform\Shared\App\Runtime;
use Platform\Shared\Http\HttpError;
use Platform\Shared\Http\Input;
use Platform\Shared\Http\Query;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;

/**
 * Routes of the audit service: append, read and verify the hash-chained log. There is no update or delete.
 */
final class App
{
    private const PAGE_MAX = 500;

    /** @var Closure(): string */
    private readonly Closure $clock;

    /** @param (Closure(): string)|null $clock returns the event time, ISO 8601 UTC with microseconds */
    public function __construct(private readonly EventStore $store, ?Closure $clock = null)
    {
        $this->clock = $clock ?? static fn (): string => (new DateTimeImmutable('now', new DateTimeZone('UTC')))
            ->format('Y-m-d\TH:i:s.u\Z');
    }

    /** Wires the service for the HTTP front controller. */
    public static function fromRuntime(Runtime $runtime): Router
    {
        return (new self(new PostgresEventStore($runtime->database())))->router();
    }

    public function router(): Router
    {
        return (new Router())
            ->post('/v1/events', fn (Request $r): Response => $this->append($r))
            ->get('/v1/events', fn (Request $r): Response => $this->list($r))
            ->get('/v1/events/verify', fn (): Response => $this->verify())
            ->get('/v1/events/{id}', fn (Request $r, array $p): Response => $this->show($p['id']));
    }

    private function append(Request $request): Response
    {
        $in = Input::fromRequest($request);
        $event = $this->store->append(new NewEvent(
            ($this->clock)(),
            $in->string('actor', 200),
            $in->string('action', 200),
            $in->string('resource', 500),
            $in->optionalObject('metadata'),
        ));

        return Response::json($event->toArray(), 201, ['Location' => '/v1/events/' . $event->id]);
    }

    private function list(Request $request): Response
    {
        $query = Query::of($request);
        $events = $this->store->list(
            $query->string('resource', 500),
            $query->string('actor', 200),
            $query->int('after', 0, 0, PHP_INT_MAX),
            $query->int('limit', 100, 1, self::PAGE_MAX),
        );
        $last = $events === [] ? null : $events[count($events) - 1]->id;

        return Response::json([
            'events' => array_map(static fn (Event $e): array => $e->toArray(), $events),
            'next_after' => $last,
        ]);
    }

    private function show(string $id): Response
    {
        $event = ctype_digit($id) && strlen($id) < 19 ? $this->store->find((int) $id) : null;
        if ($event === null) {
            throw HttpError::notFound(sprintf('no audit event %s', $id));
        }

        return Response::json($event->toArray());
    }

    /** Re-hashes the whole chain page by page. */
    private function verify(): Response
    {
        $checked = 0;
        $broken = Chain::firstBroken($this->allEvents($checked));

        return Response::json(['valid' => $broken === null, 'checked' => $checked, 'first_broken_id' => $broken]);
    }

    /**
     * Yields every event in id order, counting them into checked.
     *
     * @return \Generator<int, Event>
     */
    private function allEvents(int &$checked): \Generator
    {
        $after = 0;
        do {
            $page = $this->store->list(null, null, $after, self::PAGE_MAX);
            foreach ($page as $event) {
                $checked++;
                $after = $event->id;
                yield $event;
            }
        } while (count($page) === self::PAGE_MAX);
    }
}
