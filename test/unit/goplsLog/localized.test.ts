// System messages in the user's language (localized.ts): glibc's strerror/strsignal and bash's own
// messages as a German, French, Russian, Chinese… desktop prints them are read as their English
// originals, so a pasted "bash: go: Kommando nicht gefunden." is what "bash: go: command not
// found" is. Each table row: a realistic localized line (its phrase from the generated table, the
// rest of the line the program's own format, other names and paths than any corpus text), the
// English line the same program prints under LANG=C, and the rule both must get. Healthy localized
// lines must say nothing.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { inEnglish, localizedCoverage } from '../../../src/goplsLog/localized.js';
import { LOCALIZED_PHRASES } from '../../../src/goplsLog/localizedTable.js';
import type { RuleId } from '../../../src/goplsLog/rules.js';
import { rankedCauses } from '../../support/catalog.js';

const ruleIds = (text: string) => [...new Set(analyzeText(`${text}\n`).events.map((e) => e.ruleId))].sort();

type Case = [localized: string, english: string, rule: RuleId];

const GERMANIC: Case[] = [
  ['bash: go: Kommando nicht gefunden.', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: Zeile 1: 40423 Getötet                 go build ./...', 'bash: line 1: 40423 Killed                 go build ./...', 'process-killed'],
  ['Getötet', 'Killed', 'process-killed'],
  ['bash: /home/anna/go/bin/gopls: Keine Berechtigung', 'bash: /home/anna/go/bin/gopls: Permission denied', 'gopls-exec-denied'],
  ['bash: ./gopls: Kann die Binärdatei nicht ausführen: Fehler im Format der Programmdatei', 'bash: ./gopls: cannot execute binary file: Exec format error', 'gopls-binary-broken'],
  ['bash: gopls: opdracht niet gevonden', 'bash: gopls: command not found', 'gopls-not-found'],
  // Lines a rule names in their own words too: the English reading decides (Java's error=13 is
  // an exec refused; bash's "fork: retry:" with its errno is EAGAIN's).
  ['java.io.IOException: Cannot run program "/home/jonas/go/bin/gopls": error=13, Keine Berechtigung', 'java.io.IOException: Cannot run program "/home/jonas/go/bin/gopls": error=13, Permission denied', 'gopls-exec-denied'],
  ['bash: fork: retry: Die Ressource ist zur Zeit nicht verfügbar', 'bash: fork: retry: Resource temporarily unavailable', 'eagain'],
  ['/tmp/x9/bin/app: Fehler beim Laden der Shared Libraries: libz.so.1: Fehler beim Mappen des Shared Objects: Die Operation ist nicht erlaubt', '/tmp/x9/bin/app: error while loading shared libraries: libz.so.1: failed to map segment from shared object: Operation not permitted', 'shared-object-map-denied'],
  ['runtime: failed to create new OS thread (have 9 already; errno=11): Hulpbron is tijdelijk onbeschikbaar', 'runtime: failed to create new OS thread (have 9 already; errno=11): Resource temporarily unavailable', 'thread-create-failed'],
];

const ROMANCE: Case[] = [
  ['bash: go: commande introuvable', 'bash: go: command not found', 'go-binary-not-found'],
  // bash's French format: "%s : commande introuvable".
  ['bash: go : commande introuvable', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: /home/marie/go/bin/gopls: Permission non accordée', 'bash: /home/marie/go/bin/gopls: Permission denied', 'gopls-exec-denied'],
  ["cp: impossible de créer le fichier standard '/mnt/x/a': Aucun espace disponible sur le périphérique", "cp: cannot create regular file '/mnt/x/a': No space left on device", 'no-space-left'],
  ['bash: fork: Ressource temporairement non disponible', 'bash: fork: Resource temporarily unavailable', 'eagain'],
  // The dynamic loader's own words (libc's catalog too): a library mapped from a noexec mount.
  ["/tmp/tool-3/run: erreur lors du chargement des librairies partagées: libhelper.so: échec d'adressage (mapping) du segment de l'objet partagé: Opération non permise", '/tmp/tool-3/run: error while loading shared libraries: libhelper.so: failed to map segment from shared object: Operation not permitted', 'shared-object-map-denied'],
  ['bash: go: orden no encontrada', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: línea 1:  4242 Terminado (killed)      go test ./...', 'bash: line 1:  4242 Killed      go test ./...', 'process-killed'],
  ['bash: ./gopls: Permiso denegado', 'bash: ./gopls: Permission denied', 'gopls-exec-denied'],
  ['bash: go: comando non trovato', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: go: comando não encontrado', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: fork: Recurso temporariamente indisponível', 'bash: fork: Resource temporarily unavailable', 'eagain'],
];

const SLAVIC_AND_TURKISH: Case[] = [
  ['bash: go: команда не найдена', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: /home/ivan/go/bin/gopls: Отказано в доступе', 'bash: /home/ivan/go/bin/gopls: Permission denied', 'gopls-exec-denied'],
  ['bash: go: команду не знайдено', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: /tmp/x/go: Відмовлено у доступі', 'bash: /tmp/x/go: Permission denied', 'shell-exec-denied'],
  // SELinux refusing a text relocation (execmod), in the loader's Russian.
  ['/opt/app/bin/srv: ошибка при загрузке разделяемых библиотек: /opt/app/lib/libold.so: невозможно восстановить защиту сегмента после перемещения: Отказано в доступе', '/opt/app/bin/srv: error while loading shared libraries: /opt/app/lib/libold.so: cannot restore segment prot after reloc: Permission denied', 'ldso-text-reloc-denied'],
  ['bash: go: nie znaleziono polecenia', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: go: příkaz nenalezen', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: ./gopls: Operace zamítnuta', 'bash: ./gopls: Permission denied', 'gopls-exec-denied'],
  ['bash: go: komut yok', 'bash: go: command not found', 'go-binary-not-found'],
];

const CJK: Case[] = [
  ['OpenBLAS blas_thread_init: pthread_create failed for thread 12 of 64: 资源暂时不可用', 'OpenBLAS blas_thread_init: pthread_create failed for thread 12 of 64: Resource temporarily unavailable', 'eagain'],
  ['bash: go: 未找到命令', 'bash: go: command not found', 'go-binary-not-found'],
  // bash's zh_CN catalog separates with a full-width colon.
  ['bash: go：未找到命令', 'bash: go: command not found', 'go-binary-not-found'],
  ['-bash: /tmp/go-build123/b001/exe/main: 权限不够', '-bash: /tmp/go-build123/b001/exe/main: Permission denied', 'work-exec-denied'],
  ['mkdir: 无法创建目录 "/home/u/go": 只读文件系统', "mkdir: cannot create directory '/home/u/go': Read-only file system", 'read-only-fs'],
  ['inotify_add_watch: 设备上没有空间', 'inotify_add_watch: No space left on device', 'inotify-enospc'],
  ['tail: inotify 資源已耗盡，無法使用 inotify 機制，回歸以 polling 機制取代: 開啟太多檔案', 'tail: inotify cannot be used, reverting to polling: Too many open files', 'inotify-emfile'],
  ['bash: go: コマンドが見つかりません', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: fork: リソースが一時的に利用できません', 'bash: fork: Resource temporarily unavailable', 'eagain'],
  ['bash: ./gopls: バイナリファイルを実行できません: 実行形式エラー', 'bash: ./gopls: cannot execute binary file: Exec format error', 'gopls-binary-broken'],
  ['bash: go: 명령어를 찾을 수 없음', 'bash: go: command not found', 'go-binary-not-found'],
  ['bash: /usr/local/go/bin/go: 허가 거부', 'bash: /usr/local/go/bin/go: Permission denied', 'shell-exec-denied'],
];

// Ubuntu's and Debian's command-not-found handler names the program inside its sentence
// (localizedFormats.ts, generated from its catalogs); each line as the handler prints it under that
// LANG, with its own quotes and spaces (French: no-break spaces inside « »), and its English.
const HANDLER: Case[] = [
  ["No se ha encontrado la orden «go», pero se puede instalar con:", "Command 'go' not found, but can be installed with:", 'go-not-found-shells'],
  ["Der Befehl 'go' wurde nicht gefunden, kann aber installiert werden mit:", "Command 'go' not found, but can be installed with:", 'go-not-found-shells'],
  ['La commande «\u00a0go\u00a0» n\'a pas été trouvée, mais peut être installée avec\u00a0:', "Command 'go' not found, but can be installed with:", 'go-not-found-shells'],
  ['Команда «gopls» не найдена, но может быть установлена с помощью:', "Command 'gopls' not found, but can be installed with:", 'gopls-not-found-shells'],
  ['找不到命令 “go”，但可以通过以下软件包安装它：', "Command 'go' not found, but can be installed with:", 'go-not-found-shells'],
  ["コマンド 'go' が見つかりません。もしかして:", "Command 'go' not found, did you mean:", 'go-not-found-shells'],
  ["Nie znaleziono polecenia 'make', czy chodziło o:", "Command 'make' not found, did you mean:", 'program-not-found-shells'],
  ['go: no se encontró la orden', 'go: command not found', 'go-binary-not-found'],
  // coreutils' quote() in the language's own quotes around the name (German „…“, French « … » with
  // no-break spaces, Russian «…»), before a localized strerror.
  ['/usr/bin/env: „go“: Datei oder Verzeichnis nicht gefunden', "/usr/bin/env: 'go': No such file or directory", 'go-binary-not-found'],
  ['/usr/bin/env: «\u00a0go\u00a0»: Aucun fichier ou dossier de ce type', "/usr/bin/env: 'go': No such file or directory", 'go-binary-not-found'],
  ['/usr/bin/env: «go»: Нет такого файла или каталога', "/usr/bin/env: 'go': No such file or directory", 'go-binary-not-found'],
];

describe('a system message in the user\'s language is read as its English original', () => {
  for (const [family, cases] of [['German and Dutch', GERMANIC], ['French, Spanish, Italian, Portuguese', ROMANCE], ['Russian, Ukrainian, Polish, Czech, Turkish', SLAVIC_AND_TURKISH], ['Chinese, Japanese, Korean', CJK], ["the command-not-found handler's sentence, coreutils' quotes", HANDLER]] as const) {
    it.each(cases)(`${family}: %s`, (localized, english, rule) => {
      expect(ruleIds(localized)).toContain(rule);
      // The same rules as the English line, and the same first class in a raw log.
      expect(ruleIds(localized)).toEqual(ruleIds(english));
      expect(rankedCauses(localized, 'gopls.log')[0]?.id).toBe(rankedCauses(english, 'gopls.log')[0]?.id);
    });
  }

  it('keeps the pasted line as the excerpt', () => {
    const line = 'bash: /home/anna/go/bin/gopls: Keine Berechtigung';
    expect(analyzeText(`${line}\n`).events[0]!.text).toBe(line);
  });

  it.each([
    'go: Module werden heruntergeladen',
    'Mi 2. Dez 10:11:12 CET 2026',
    'mercredi 2 décembre 2026, 10:11:12 (UTC+0100)',
    'Fertig. Keine Fehler gefunden.',
    'Getötete Prozesse: 0',
    'Speicherzugriffsfehler behoben in Version 2',
    'Brak dostępu do internetu? Sprawdź połączenie.',
    '已杀死的进程数: 0',
  ])('a healthy localized line says nothing: %s', (line) => {
    expect(ruleIds(line)).toEqual([]);
    expect(rankedCauses(line, 'gopls.log')).toEqual([]);
  });
});


describe("the command-not-found handler's sentence in the user's language", () => {
  it('puts the English sentence back around the same name, and leaves other lines alone', () => {
    expect(inEnglish('No se ha encontrado la orden «gofmt», pero se puede instalar con:')).toBe("Command 'gofmt' not found, but can be installed with:");
    expect(inEnglish('Der Befehl wurde nicht gefunden')).toBeUndefined();
    expect(inEnglish('Orden «go» ejecutada correctamente')).toBeUndefined();
    // A quoted name in a line with nothing localized is left as it is.
    expect(inEnglish('env: „go“ ist gut')).toBeUndefined();
  });
});

describe('inEnglish', () => {
  it('replaces whole phrases only, in Unicode or as latin1 bytes', () => {
    expect(inEnglish('open /x: Keine Berechtigung')).toBe('open /x: Permission denied');
    expect(inEnglish('open /x: Keine Berechtigungen')).toBeUndefined();
    expect(inEnglish('Getötetes')).toBeUndefined();
    expect(inEnglish('go build: all fine')).toBeUndefined();
    const bytes = Buffer.from('fork: 资源暂时不可用', 'utf8').toString('latin1');
    expect(inEnglish(bytes, true)).toBe('fork: Resource temporarily unavailable');
    // A curly apostrophe a page made straight (asPrinted) is read too.
    expect(inEnglish("x: Не вдалося розподілити пам'ять")).toBe('x: Cannot allocate memory');
  });

  it('is generated for the languages asked, without short, untranslated or shared phrases', () => {
    const { phrases, languages } = localizedCoverage();
    expect(languages).toBeGreaterThanOrEqual(15);
    expect(phrases).toBeGreaterThan(250);
    for (const lang of ['de', 'fr', 'es', 'it', 'pt_BR', 'ru', 'zh_CN', 'zh_TW', 'ja', 'ko', 'pl', 'nl', 'tr', 'uk', 'cs']) {
      expect(LOCALIZED_PHRASES.some((r) => r[0] === lang), lang).toBe(true);
    }
    const englishOf = new Map<string, string>();
    for (const [, en, loc] of LOCALIZED_PHRASES) {
      expect(loc).not.toBe(en);
      expect([...loc].length, loc).toBeGreaterThanOrEqual(3);
      expect(englishOf.get(loc) ?? en, loc).toBe(en);
      englishOf.set(loc, en);
    }
  });
});
