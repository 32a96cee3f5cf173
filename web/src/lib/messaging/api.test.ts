// "Contacter mon praticien"'s requests against a mocked fetch: a new conversation's body, the
// 403 refusals kept as their codes, an answer, the practitioner's setting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { closeConversation, saveMessagingSetting, sendMessage, startConversation } from './api';
import { messagingRefusal } from './messaging';

const calls: Array<{ url: string; method: string; body: unknown }> = [];

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: JSON.parse(String(init.body ?? 'null')),
    });
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  calls.length = 0;
});

describe('messaging API', () => {
  it('opens a conversation with the documented body', async () => {
    answer(201, { id: 'c1' });
    const body = {
      practitioner_id: 'pr1',
      profile_id: 'p2',
      reason: 'renewal' as const,
      message: 'Bonjour',
    };
    expect((await startConversation(body)).id).toBe('c1');
    expect(calls[0]).toEqual({ url: '/api/v1/conversations', method: 'POST', body });
  });

  it('keeps the refusals’ codes for the page to explain', async () => {
    answer(403, { error: { code: 'no_prior_consultation', message: '…' } });
    const err = await startConversation({
      practitioner_id: 'pr1',
      profile_id: 'p1',
      reason: 'other',
      message: 'x',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(messagingRefusal(err)).toBe('no_prior_consultation');
    answer(409, { error: { code: 'conversation_closed', message: '…' } });
    expect(messagingRefusal(await sendMessage('c1', 'x').catch((e: unknown) => e))).toBe(
      'conversation_closed',
    );
  });

  it('answers, closes and saves the setting', async () => {
    answer(200, {});
    await sendMessage('c 1', 'Merci');
    await closeConversation('c1');
    await saveMessagingSetting({ enabled: true, assistants_see_conversations: false });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/conversations/c%201/messages',
      'POST /api/v1/conversations/c1/close',
      'PUT /api/v1/me/messaging',
    ]);
    expect(calls[0]!.body).toEqual({ message: 'Merci' });
  });
});
