import { checkPlainText } from './oidc-checks';
import { OidcSocialButton } from './oidc-social-button';
import { quote } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/**
 * Parameters Pixie's UI (oidc-client) sets itself; a button must not set them.
 * @internal
 */
export const RESERVED_PARAMS: readonly string[] = [
  'client_id', 'code_challenge', 'code_challenge_method', 'invite', 'nonce', 'prompt',
  'redirect_uri', 'response_mode', 'response_type', 'scope', 'state',
];

const PARAM_NAME = /^[A-Za-z0-9_.~-]+$/;

/**
 * The JSON string Pixie's UI parses: keys in a fixed order (`buttonText`,
 * `extraParams`), parameters sorted by name. `''` when no buttons are given,
 * so the UI shows its default button.
 * @internal
 */
export function renderSocialConfig(buttons: OidcSocialButton[] | undefined): string {
  if (buttons === undefined) {
    return '';
  }
  return JSON.stringify(buttons.map(button => ({
    buttonText: button.buttonText,
    extraParams: Object.fromEntries(
      [...(button.extraParams ?? [])]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map(p => [p.name, p.value]),
    ),
  })));
}

/**
 * Problems with a list of buttons, fields prefixed by `field` (e.g.
 * `loginButtons`). Pixie's proxy pastes the JSON into a JavaScript template
 * literal, so every text must be free of quotes, backticks, `${` and
 * backslashes (JSON would escape some of them with a backslash, which the
 * template literal would then eat).
 * @internal
 */
export function checkSocialButtons(buttons: unknown, field: string): InputProblem[] {
  const problems = new ProblemCollector();
  if (!Array.isArray(buttons)) {
    problems.add(field, `must be a list of buttons ({ buttonText, extraParams }), got ${describe(buttons)}`);
    return problems.problems;
  }
  if (buttons.length === 0) {
    problems.add(field, "is an empty list, which would show no button at all; give at least one button, or leave it out for Pixie's default button");
  }
  buttons.forEach((button: any, i) => {
    const at = `${field}[${i}]`;
    if (button === null || typeof button !== 'object' || Array.isArray(button)) {
      problems.add(at, `must be a button ({ buttonText, extraParams }), got ${describe(button)}`);
      return;
    }
    problems.add(`${at}.buttonText`, checkPlainText(button.buttonText));
    problems.addAll(checkExtraParams(button.extraParams, `${at}.extraParams`));
  });
  return problems.problems;
}

function checkExtraParams(params: unknown, field: string): InputProblem[] {
  const problems = new ProblemCollector();
  if (params === undefined) {
    return [];
  }
  if (!Array.isArray(params)) {
    problems.add(field, `must be a list of { name, value }, got ${describe(params)}`);
    return problems.problems;
  }
  const seen = new Set<string>();
  params.forEach((param: any, i) => {
    const at = `${field}[${i}]`;
    if (param === null || typeof param !== 'object' || Array.isArray(param)) {
      problems.add(at, `must be { name, value }, got ${describe(param)}`);
      return;
    }
    const name = param.name;
    if (typeof name !== 'string' || !PARAM_NAME.test(name)) {
      problems.add(`${at}.name`, `${quote(name)} is not a query parameter name: use letters, digits, '_', '-', '.' or '~' (e.g. kc_idp_hint)`);
    } else if (RESERVED_PARAMS.includes(name)) {
      problems.add(`${at}.name`, `${quote(name)} is set by Pixie's UI itself; a button may only add other parameters (e.g. kc_idp_hint, idp, login_hint)`);
    } else if (seen.has(name)) {
      problems.add(`${at}.name`, `${quote(name)} is given twice in this button; keep one`);
    }
    seen.add(name);
    problems.add(`${at}.value`, checkPlainText(param.value));
  });
  return problems.problems;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${quote(value)}`;
}
