// LeashBot on Azure: one Linux Web App (.NET 10) behind an Azure Bot registration, bot state in Blob Storage
// reached with a managed identity, telemetry in Application Insights. `main.json` next to this file is the
// compiled template (the "Deploy to Azure" button and `az deployment group create` take either); the tests
// rebuild it with the pinned Bicep CLI and fail when the two differ.

metadata description = 'LeashBot, the cat leash-training coach: App Service, Azure Bot (Web Chat, Direct Line, Teams, SMS), Blob state, Application Insights.'

@description('Name of the web app and the bot; the site becomes https://<name>.azurewebsites.net. 2-40 lower-case letters, digits and hyphens, unique across Azure.')
@minLength(2)
@maxLength(40)
param appName string = 'leashbot-${uniqueString(resourceGroup().id)}'

@description('Region of everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('App Service plan size. Always On needs Basic (B1) or above.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param planSku string = 'B1'

@description('Web app instances. More than one needs Azure\'s Direct Line (webChatDirectLine = azure): LeashBot\'s built-in Direct Line keeps each Web Chat transcript in one instance\'s memory')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Where the web page\'s chat widget connects. builtIn: LeashBot\'s own Direct Line and embed.js (one instance). azure: Azure Bot Service\'s Direct Line (any number of instances; the site\'s server fetches tokens with the Direct Line channel key).')
@allowed([
  'builtIn'
  'azure'
])
param webChatDirectLine string = 'builtIn'

@description('How the bot proves itself to Bot Framework. UserAssignedMSI: the identity this template creates, no app registration or secret. SingleTenant: an Entra app registration you create or reuse (microsoftAppId + microsoftAppPassword).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param microsoftAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the Entra app registration\'s Application (client) ID.')
param microsoftAppId string = ''

@description('SingleTenant only: a client secret of that app registration.')
@secure()
param microsoftAppPassword string = ''

@description('Azure Bot pricing tier. F0 is free; Azure\'s Direct Line and Web Chat (premium channels) then carry at most 10,000 messages a month. Teams, SMS and the built-in Direct Line do not count.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('The store or clinic, used in the greeting and in urgent replies.')
@minLength(1)
@maxLength(80)
param organizationName string

@description('Everyday phone number shown in urgent replies; empty for none.')
@maxLength(40)
param organizationPhone string = ''

@description('After-hours or emergency line, shown first in urgent replies; empty for none.')
@maxLength(40)
param organizationEmergencyPhone string = ''

@description('When the clinic answers its phone, e.g. "Mon-Fri 8:00-18:00, Sat 9am-1pm" or "24/7": shown in urgent replies, and outside these hours the emergency line comes first. Empty for none.')
@maxLength(120)
param organizationOpeningHours string = ''

@description('IANA time zone of the opening hours, e.g. Europe/London or America/Chicago; empty means UTC.')
@maxLength(64)
param organizationTimeZone string = ''

@description('One line under the greeting.')
@maxLength(200)
param organizationDisclaimer string = 'I share training tips, not veterinary advice.'

@description('Base64 of 32 random bytes (`openssl rand -base64 32`) that signs the built-in Direct Line\'s tokens. Keep it the same across deployments and instances, or open chats lose their tokens.')
@secure()
@minLength(44)
param directLineTokenSigningKey string

@description('Origins (https://shop.example) of the sites that embed the chat widget.')
param webChatAllowedOrigins array = []

@description('Blob container holding the owners\' progress and the dialog stacks.')
@minLength(3)
@maxLength(63)
param stateContainerName string = 'leashbot-state'

@description('SMS: the Twilio number (+15551234567); empty leaves the SMS channel out.')
param smsPhoneNumber string = ''

@description('SMS: the Twilio account SID.')
param twilioAccountSid string = ''

@description('SMS: the Twilio auth token.')
@secure()
param twilioAuthToken string = ''

@description('Staff console sign-in with Entra ID: the Application (client) ID of the console\'s app registration in this tenant, with the redirect URI https://<appName>.azurewebsites.net/console/signin-oidc. Empty: no Entra sign-in (the console then opens only with a staff access key).')
param consoleEntraClientId string = ''

@description('Staff console: a client secret of that app registration.')
@secure()
param consoleEntraClientSecret string = ''

@description('Staff console: the object ID of the Entra group whose members may open the console (every site).')
param consoleEntraStaffGroupId string = ''

@description('Practice reminders: owners may ask for a daily nudge to practise (Teams, SMS; held for Web Chat visitors). What is due lives in the container leashbot-reminders of the state account, which the app\'s Blob role already covers.')
param remindersEnabled bool = false

var useManagedIdentityForBot = microsoftAppType == 'UserAssignedMSI'
var botAppId = useManagedIdentityForBot ? identity.properties.clientId : microsoftAppId
var storageAccountName = take('leashbot${uniqueString(resourceGroup().id, appName)}', 24)

// The built-in Direct Line keeps transcripts in one process: refuse a second instance rather than deploy chats
// that break whenever the load balancer sends a poll to the other instance.
var webInstances = instanceCount > 1 && webChatDirectLine == 'builtIn'
  ? fail('instanceCount > 1 needs webChatDirectLine = azure: the built-in Direct Line keeps each chat in one instance\'s memory')
  : instanceCount

// An SMS channel needs all three Twilio values; Azure checks them with Twilio when it creates the channel.
var smsEnabled = empty(smsPhoneNumber)
  ? false
  : empty(twilioAccountSid) || empty(twilioAuthToken)
      ? fail('smsPhoneNumber needs twilioAccountSid and twilioAuthToken too')
      : true

// Built-in role "Storage Blob Data Contributor".
var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${appName}-identity'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    // The app reaches its container with its managed identity; no account keys exist to leak.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource stateAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, blobDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: planSku
    capacity: webInstances
  }
  properties: {
    reserved: true
  }
}

var organizationSettings = [
  {
    name: 'Organization__Name'
    value: organizationName
  }
  {
    name: 'Organization__Phone'
    value: organizationPhone
  }
  {
    name: 'Organization__EmergencyPhone'
    value: organizationEmergencyPhone
  }
  {
    name: 'Organization__OpeningHours'
    value: organizationOpeningHours
  }
  {
    name: 'Organization__TimeZone'
    value: organizationTimeZone
  }
  {
    name: 'Organization__Disclaimer'
    value: organizationDisclaimer
  }
]

var botSettings = [
  {
    name: 'MicrosoftAppType'
    value: microsoftAppType
  }
  {
    name: 'MicrosoftAppId'
    value: botAppId
  }
  {
    name: 'MicrosoftAppPassword'
    value: useManagedIdentityForBot ? '' : microsoftAppPassword
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenant().tenantId
  }
]

var stateSettings = [
  {
    name: 'Storage__Provider'
    value: 'Blob'
  }
  {
    name: 'Storage__Blob__AccountUrl'
    value: storage.properties.primaryEndpoints.blob
  }
  {
    name: 'Storage__Blob__ManagedIdentityClientId'
    value: identity.properties.clientId
  }
  {
    name: 'Storage__Blob__Container'
    value: stateContainer.name
  }
  {
    name: 'Reminders__Enabled'
    value: remindersEnabled ? 'true' : 'false'
  }
  {
    // Every instance's /home is the same share: the send journal there tells an instance taking up a send that a
    // crash interrupted whether it ever left (docs/reminders.md).
    name: 'Reminders__SendJournalFolder'
    value: '/home/data/leashbot/reminder-sends'
  }
]

var hostSettings = [
  {
    name: 'DirectLine__TokenSigningKey'
    value: directLineTokenSigningKey
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insights.properties.ConnectionString
  }
  {
    // Application Insights' codeless agent for .NET on Linux App Service: requests, dependencies, exceptions.
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
  // App Service ends TLS at its front ends, the only way in, which set X-Forwarded-Proto and X-Forwarded-For from
  // addresses that are not published: believe them from any address, so Direct Line's stream URL is wss:// for an https
  // page and the rate limits see the visitor's address.
  {
    name: 'ForwardedHeaders__KnownNetworks__0'
    value: '0.0.0.0/0'
  }
  {
    name: 'ForwardedHeaders__KnownNetworks__1'
    value: '::/0'
  }
]

// The staff console signs staff in with this tenant's Entra ID when an app registration is given; it needs the staff
// group too (the app itself refuses to start without the secret: a secure value can't be checked here before deploying).
var consoleSettings = empty(consoleEntraClientId)
  ? []
  : [
      {
        name: 'Console__Entra__TenantId'
        value: tenant().tenantId
      }
      {
        name: 'Console__Entra__ClientId'
        value: consoleEntraClientId
      }
      {
        name: 'Console__Entra__ClientSecret'
        value: consoleEntraClientSecret
      }
      {
        name: 'Console__Entra__StaffGroupId'
        value: empty(consoleEntraStaffGroupId)
          ? fail('consoleEntraClientId needs consoleEntraStaffGroupId too (and consoleEntraClientSecret)')
          : consoleEntraStaffGroupId
      }
    ]

var originSettings = [
  for (origin, i) in webChatAllowedOrigins: {
    name: 'WebChat__AllowedOrigins__${i}'
    value: origin
  }
]

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Web Chat polls from pages on other sites: no cookie may pin them, every instance must serve them.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet LeashBot.dll'
      alwaysOn: true
      healthCheckPath: '/healthz'
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(botSettings, organizationSettings, stateSettings, hostSettings, originSettings, consoleSettings)
    }
  }
  dependsOn: [
    stateAccess
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: appName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: organizationName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: microsoftAppType
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useManagedIdentityForBot ? identity.id : null
    developerAppInsightKey: insights.properties.InstrumentationKey
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: !empty(webChatAllowedOrigins)
          trustedOrigins: webChatAllowedOrigins
        }
      ]
    }
  }
}

resource sms 'Microsoft.BotService/botServices/channels@2022-09-15' = if (smsEnabled) {
  parent: bot
  name: 'SmsChannel'
  location: 'global'
  properties: {
    channelName: 'SmsChannel'
    properties: {
      isEnabled: true
      phone: smsPhoneNumber
      accountSID: twilioAccountSid
      authToken: twilioAuthToken
    }
  }
}

@description('The bot\'s public site: the widget\'s script is <siteUrl>/embed.js, the health check <siteUrl>/healthz.')
output siteUrl string = 'https://${site.properties.defaultHostName}'

@description('The messaging endpoint registered with the bot.')
output messagingEndpoint string = bot.properties.endpoint

@description('The bot\'s Microsoft app id: the botId of the Teams package.')
output botAppId string = botAppId
