// Sign-in: in dev mode a picker of the seeded demo users (GET /api/v1/dev/demo-users, POST /api/v1/dev/tokens:
// apps/api/src/dev); the dev routes do not exist in production mode (404), where a token is pasted instead.
import { ApiError, get, post } from '../api.js';
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import { go } from '../nav.js';
import { rememberCycle, signIn } from '../session.js';
import { failure, section } from './common.js';

interface DemoUser {
  id: string;
  label: string;
  roles: string[];
  nip?: string;
  name: string;
}

export async function renderSignIn(main: HTMLElement): Promise<void> {
  main.append(h('h1', {}, t('signInTitle')));
  try {
    const { cycleId, users } = await get<{ cycleId: string; users: DemoUser[] }>('/api/v1/dev/demo-users');
    const select = h(
      'select',
      { name: 'user', 'data-testid': 'demo-user' },
      users.map((u) =>
        h('option', { value: u.id }, `${u.label}: ${u.name}${u.nip ? ` (NIP ${u.nip})` : ''} — ${u.roles.join(', ')}`),
      ),
    );
    const form = h(
      'form',
      {
        onsubmit: async (event: Event) => {
          event.preventDefault();
          try {
            const user = users.find((u) => u.id === select.value)!;
            const { token } = await post<{ token: string }>('/api/v1/dev/tokens', { userId: user.id });
            signIn(token, `${user.label}: ${user.name}`);
            rememberCycle(cycleId);
            go('#/');
          } catch (error) {
            form.append(failure(error));
          }
        },
      },
      field(t('devUser'), select, t('devPickerHint')),
      h('button', { type: 'submit', 'data-testid': 'dev-sign-in' }, t('devSignIn')),
    );
    main.append(section('dev-picker', t('devPickerTitle'), form));
  } catch (error) {
    // 404: production mode, no picker. Anything else is worth saying.
    if (!(error instanceof ApiError && error.status === 404)) main.append(failure(error));
  }
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'off', required: true });
  const tokenForm = h(
    'form',
    {
      onsubmit: (event: Event) => {
        event.preventDefault();
        signIn(input.value);
        go('#/');
      },
    },
    field(t('tokenLabel'), input, t('tokenHint')),
    h('button', { type: 'submit' }, t('tokenSignIn')),
  );
  main.append(section('token-sign-in', t('tokenTitle'), tokenForm));
}
