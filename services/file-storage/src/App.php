<?php

declare(strict_types=1);

namespace Platform\FileStorage;

use Platform\FileStorage\Files\FileRepository;
use Platform\FileStorage\Files\StoredFile;
use Platform\FileStorage\Files\Upload;
use Platform\Shared\App\Runtime;
use Platform\Shared\Http\HttpError;
use Platform\Shared\Http\Input;
use Platform\Shared\Http\Query;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;

/**
 * Routes of the file-storage service: upload, metadata, checked download, list, delete.
 */
final class App
{
    /** Default upload limit (MAX_FILE_BYTES): 1 MiB. */
    public const DEFAULT_MAX_BYTES = 1_048_576;

    public function __construct(private readonly FileRepository $files, private readonly int $maxBytes)
    {
    }

    /** Wires the service for the HTTP front controller. */
    public static function fromRuntime(Runtime $runtime): Router
    {
        $maxBytes = $runtime->env->int('MAX_FILE_BYTES', self::DEFAULT_MAX_BYTES, 1, 50 * 1_048_576);

        return (new self(new FileRepository($runtime->database()), $maxBytes))->router();
    }

    public function router(): Router
    {
        return (new Router())
            ->post('/v1/files', fn (Request $r): Response => $this->upload($r))
            ->get('/v1/files', fn (Request $r): Response => Response::json([
                'files' => array_map(
                    static fn (StoredFile $f): array => $f->toArray(),
                    $this->files->list(Query::of($r)->int('limit', 50, 1, 500)),
                ),
            ]))
            ->get(
                '/v1/files/{id}',
                fn (Request $r, array $p): Response => Response::json($this->find($p['id'])->toArray()),
            )
            ->get('/v1/files/{id}/content', fn (Request $r, array $p): Response => $this->download($p['id']))
            ->add('DELETE', '/v1/files/{id}', fn (Request $r, array $p): Response => $this->delete($p['id']));
    }

    private function upload(Request $request): Response
    {
        $file = $this->files->save(Upload::fromInput(Input::fromRequest($request), $this->maxBytes));

        return Response::json($file->toArray(), 201, ['Location' => '/v1/files/' . $file->id]);
    }

    private function download(string $id): Response
    {
        $file = $this->find($id);

        return new Response(200, $this->files->content($file), [
            'Content-Type' => $file->contentType,
            'Content-Disposition' => sprintf('attachment; filename="%s"', addcslashes($file->name, '"\\')),
            'ETag' => '"' . $file->sha256 . '"',
            'X-Checksum-Sha256' => $file->sha256,
        ]);
    }

    private function delete(string $id): Response
    {
        if (!$this->files->delete($id)) {
            throw HttpError::notFound(sprintf('no file %s', $id));
        }

        return new Response(204, '');
    }

    private function find(string $id): StoredFile
    {
        return $this->files->find($id) ?? throw HttpError::notFound(sprintf('no file %s', $id));
    }
}
