import { chatSuite } from './chat/chat-suite';

/* Issue 5, Microsoft Teams: the fixture served at teams.microsoft.com/v2/ (tests/fixtures/teams). */
chatSuite({
  name: 'Teams',
  site: 'teams',
  url: 'https://teams.microsoft.com/v2/',
  sel: { editor: '[data-tid="message-pane-footer"] [data-tid="ckeditor"]', send: 'button[data-tid$="Commands-send"]' },
  kind: 'chat',
  internal: '[data-tid="chat-list"] [data-chat="mira"]',
  external: '[data-tid="chat-list"] [data-chat="dana"]',
  fileInput: '[data-tid="message-pane-footer"] input[type=file]',
});
