// The add-in's XML manifest for a base URL: a task pane and the TIDE custom functions sharing one
// runtime (the task pane page hosts functions.js), so both use one client, cache and settings.
// <Requirements> is the floor the add-in cannot work without (addin/src/shared/host.ts); all it uses
// above that is asked of the host at run time.
// No <GetStarted> callout: the unified-manifest conversion turns it into getStartedMessages, which
// the v1.17 schema the converter targets rejects.
import { ADDIN_PATH, ORIGIN_PLACEHOLDER } from '../../api/addin-hosting/addin-origin.js';
import { MANIFEST_REQUIREMENTS } from '../src/shared/host.js';

/** The add-in's permanent id: Office keys installs, settings and storage on it. Never change it. */
export const ADDIN_ID = '6f1f7a52-3c0e-4b8e-9d8e-2f4b1a7c5d10';
export const NAMESPACE = 'TIDE';
export const ADDIN_VERSION = '1.0.0.0';

/** The files the manifest points at, relative to the base URL. */
export const PAGES = {
  taskpane: 'taskpane.html',
  functionsScript: 'functions.js',
  functionsMetadata: 'functions.json',
  icon: (size: number) => `assets/icon-${size}.png`,
};

export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--url: "${raw}" is not a URL; give where addin/dist is served, e.g. https://tide.example.com/addin`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))) {
    throw new Error(`--url: Office loads add-ins over https only (http is accepted for localhost); got ${raw}`);
  }
  return url.href.replace(/\/+$/, '');
}

// ORIGIN_PLACEHOLDER stands for the origin serving the add-in; each server puts its own in.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The manifest for add-in files served at `baseUrl` (https, or http on localhost). */
export function manifestXml(baseUrl: string): string {
  const base = normaliseBaseUrl(baseUrl);
  return render(base, new URL(base).origin);
}

/** The manifest the build ships: every URL starts with ORIGIN_PLACEHOLDER, filled in by the server. */
export function manifestTemplate(): string {
  return render(`${ORIGIN_PLACEHOLDER}${ADDIN_PATH}`, ORIGIN_PLACEHOLDER);
}

function render(base: string, origin: string): string {
  const u = (path: string) => esc(`${base}/${path}`);
  const icons = (ids: [number, string][]) => ids.map(([s, id]) => `<bt:Image size="${s}" resid="${id}"/>`).join('');
  const iconSet = icons([
    [16, 'Icon.16'],
    [32, 'Icon.32'],
    [80, 'Icon.80'],
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">
  <Id>${ADDIN_ID}</Id>
  <Version>${ADDIN_VERSION}</Version>
  <ProviderName>Tide</ProviderName>
  <DefaultLocale>en-US</DefaultLocale>
  <DisplayName DefaultValue="Tide"/>
  <Description DefaultValue="Market and macro series and indicators as Excel functions, e.g. =TIDE.SERIES"/>
  <IconUrl DefaultValue="${u(PAGES.icon(32))}"/>
  <HighResolutionIconUrl DefaultValue="${u(PAGES.icon(64))}"/>
  <SupportUrl DefaultValue="${u(PAGES.taskpane)}"/>
  <AppDomains>
    <AppDomain>${esc(origin)}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
${MANIFEST_REQUIREMENTS.map((r) => `      <Set Name="${r.set}" MinVersion="${r.version}"/>`).join('\n')}
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${u(PAGES.taskpane)}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <Runtimes>
          <Runtime resid="Taskpane.Url" lifetime="long"/>
        </Runtimes>
        <AllFormFactors>
          <ExtensionPoint xsi:type="CustomFunctions">
            <Script>
              <SourceLocation resid="Functions.Script.Url"/>
            </Script>
            <Page>
              <SourceLocation resid="Taskpane.Url"/>
            </Page>
            <Metadata>
              <SourceLocation resid="Functions.Metadata.Url"/>
            </Metadata>
            <Namespace resid="Functions.Namespace"/>
          </ExtensionPoint>
        </AllFormFactors>
        <DesktopFormFactor>
          <FunctionFile resid="Taskpane.Url"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="Tide.Group">
                <Label resid="Group.Label"/>
                <Icon>${iconSet}</Icon>
                <Control xsi:type="Button" id="Tide.ShowTaskpane">
                  <Label resid="TaskpaneButton.Label"/>
                  <Supertip>
                    <Title resid="TaskpaneButton.Label"/>
                    <Description resid="TaskpaneButton.Tooltip"/>
                  </Supertip>
                  <Icon>${iconSet}</Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>Tide.Taskpane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16" DefaultValue="${u(PAGES.icon(16))}"/>
        <bt:Image id="Icon.32" DefaultValue="${u(PAGES.icon(32))}"/>
        <bt:Image id="Icon.80" DefaultValue="${u(PAGES.icon(80))}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Functions.Script.Url" DefaultValue="${u(PAGES.functionsScript)}"/>
        <bt:Url id="Functions.Metadata.Url" DefaultValue="${u(PAGES.functionsMetadata)}"/>
        <bt:Url id="Taskpane.Url" DefaultValue="${u(PAGES.taskpane)}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Functions.Namespace" DefaultValue="${NAMESPACE}"/>
        <bt:String id="Group.Label" DefaultValue="Tide"/>
        <bt:String id="TaskpaneButton.Label" DefaultValue="Tide series"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="TaskpaneButton.Tooltip" DefaultValue="Search Tide series, chart them and insert formulas; set the API URL and key."/>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}
