<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Tests\Unit;

use Platform\LlmAgent\Llm\OpenAiProvider;
use Platform\LlmAgent\Llm\Prompt;
use Platform\LlmAgent\Llm\ProviderError;
use Platform\Shared\Http\Client\ClientError;
use Platform\Shared\Http\Client\ClientResponse;
use Platform\Shared\Testing\FakeHttpClient;
use PHPUnit\Framework\TestCase;

final class OpenAiProviderTest extends TestCase
{
    private FakeHttpClient $client;

    private function provider(ClientResponse|ClientError $answer): OpenAiProvider
    {
        $this->client = FakeHttpClient::always($answer);

        return new OpenAiProvider($this->client, 'https://llm.example/', 'secret-key', 'gpt-test');
    }

    public function testSendsChatCompletionAndParsesAnswer(): void
    {
        $body = '{"choices":[{"message":{"content":"hello"}}],"usage":{"prompt_tokens":5,"completion_tokens":1}}';
        $completion = $this->provider(new ClientResponse(200, $body))->complete(new Prompt('hi', 10, 0.5));
        self::assertSame(['openai', 'gpt-test', 'hello', 5, 1], [
            $completion->provider,
            $completion->model,
            $completion->text,
            $completion->promptTokens,
            $completion->completionTokens,
        ]);
        ['method' => $method, 'url' => $url, 'json' => $json, 'headers' => $headers] = $this->client->calls[0];
        self::assertSame(['POST', 'https://llm.example/v1/chat/completions'], [$method, $url]);
        self::assertSame(['Authorization' => 'Bearer secret-key'], $headers);
        self::assertSame(
            [
                'model' => 'gpt-test',
                'messages' => [['role' => 'user', 'content' => 'hi']],
                'max_tokens' => 10,
                'temperature' => 0.5,
            ],
            $json,
        );
    }

    public function testMissingUsageCountsZero(): void
    {
        $completion = $this->provider(new ClientResponse(200, '{"choices":[{"message":{"content":"x"}}]}'))->complete(
            new Prompt('hi', 1, 0),
        );
        self::assertSame([0, 0], [$completion->promptTokens, $completion->completionTokens]);
    }

    /** @return iterable<string, array{ClientResponse|ClientError, string}> */
    public static function failures(): iterable
    {
        yield 'http error' => [
            new ClientResponse(401, '{"error":{}}'),
            'LLM provider answered 401 without a completion',
        ];
        yield 'no choices' => [new ClientResponse(200, '{}'), 'answered 200 without a completion'];
        yield 'not json' => [new ClientResponse(200, 'oops'), 'answered 200 without a completion'];
        yield 'unreachable' => [new ClientError('refused'), 'LLM provider unreachable: refused'];
    }

    /** @dataProvider failures */
    public function testFailuresAreProviderErrorsWithoutTheKey(
        ClientResponse|ClientError $answer,
        string $message,
    ): void {
        try {
            $this->provider($answer)->complete(new Prompt('hi', 1, 0));
            self::fail('expected ProviderError');
        } catch (ProviderError $e) {
            self::assertStringContainsString($message, $e->getMessage());
            self::assertStringNotContainsString('secret-key', $e->getMessage());
        }
    }
}
