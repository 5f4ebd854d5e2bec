// Azure resources for Line of Sight, deployed into one resource group by the Agents Toolkit's arm/deploy
// (teamsapp.yml) or by hand (az deployment group create; README.md, "Deploy to your tenant"):
//
//   App Service plan + Web App (Linux, Node 20)  the one Node process: tab, API (/api/v1) and bot (/api/messages)
//   user-assigned managed identity               the bot's identity (UserAssignedMSI), Key Vault references
//   Azure Bot + Teams channel                    routes Teams to /api/messages
//   PostgreSQL Flexible Server + database        DATABASE_URL
//   Key Vault (RBAC)                             the database URL, its password, the Entra app secret (and bot password)
//   Log Analytics + Application Insights         logs and request telemetry
//
// Outputs are named as the environment variables they become: arm/deploy upper-cases each output name and
// writes it to env/.env.<environment>, where teamsapp.yml and the manifest read them.

targetScope = 'resourceGroup'

@minLength(3)
@maxLength(24)
@description('Prefix for resource names, lower case letters, digits and hyphens, e.g. los-demo-dev. The web app is <prefix>.azurewebsites.net.')
param resourceBaseName string

@description('Azure region for everything but the bot (which is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is enough to try it; choose P0v3 or above to run several instances.')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('Instances of the web app (README.md, "Scaling out"). Each keeps up to 10 database connections.')
param webAppInstances int = 1

@description('The Entra app for SSO, on-behalf-of and app-only Graph (AAD_APP_CLIENT_ID): becomes ENTRA_CLIENT_ID.')
param aadAppClientId string

@description('The host tenant (AAD_APP_TENANT_ID): becomes ENTRA_TENANT_ID.')
param aadAppTenantId string = tenant().tenantId

@secure()
@description('The Entra app\'s client secret (SECRET_AAD_APP_CLIENT_SECRET): kept in Key Vault, becomes ENTRA_CLIENT_SECRET.')
param aadAppClientSecret string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
@description('How the bot authenticates: with the managed identity below (no secret to rotate), or as a single-tenant Entra app with a password.')
param botType string = 'UserAssignedMSI'

@description('SingleTenant only: the bot\'s Entra app client id (botAadApp/create writes it to BOT_ID).')
param botAppId string = ''

@secure()
@description('SingleTenant only: the bot\'s client secret (SECRET_BOT_PASSWORD): kept in Key Vault, becomes BOT_PASSWORD.')
param botPassword string = ''

@description('The bot\'s name in Teams.')
param botDisplayName string = 'Line of Sight'

@description('Azure Bot SKU: F0 is free and enough for the Teams channel.')
param botSku string = 'F0'

@allowed([
  '15'
  '16'
])
param postgresVersion string = '16'

@description('PostgreSQL compute. Burstable B1ms allows about 50 connections: 10 per web app instance, plus the CLI.')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

param postgresStorageSizeGB int = 32

param postgresAdminLogin string = 'losadmin'

@secure()
@minLength(16)
@description('The PostgreSQL administrator password (SECRET_POSTGRES_ADMIN_PASSWORD): kept in Key Vault, inside DATABASE_URL.')
param postgresAdminPassword string

param databaseName string = 'line_of_sight'

@allowed([
  'graph'
  'local'
])
@description('Where papers come from: SharePoint through Microsoft Graph, or a folder under /home/data/library.')
param documentSource string = 'graph'

@description('Minutes between scheduled syncs of every forum\'s library (SYNC_INTERVAL_MINUTES); 0 syncs on demand only.')
param syncIntervalMinutes int = 15

@description('The Teams app id (TEAMS_APP_ID, written by teamsApp/create): evidence links in reports then open in Teams.')
param teamsAppId string = ''

var baseName = toLower(resourceBaseName)
var useMsi = botType == 'UserAssignedMSI'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

// --- Monitoring ---

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// --- Identity and secrets ---

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-identity'
  location: location
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  // 3–24 characters, starting with a letter: unique per resource group.
  name: 'kv-${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

// The web app reads its secrets as the managed identity (keyVaultReferenceIdentity below).
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// --- PostgreSQL ---

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${baseName}-pg'
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: postgresStorageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0–0.0.0.0 is Azure's "allow Azure services" rule: the web app reaches the server, the internet does not.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource postgresPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'postgres-admin-password'
  properties: {
    value: postgresAdminPassword
  }
}

// The certificate is checked (verify-full): Azure's server certificates chain to roots Node already trusts.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${database.name}?sslmode=verify-full'
  }
}

resource entraSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'entra-client-secret'
  properties: {
    value: aadAppClientSecret
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!useMsi) {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botPassword
  }
}

// --- The web app ---

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: webAppInstances
  }
  properties: {
    reserved: true
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: baseName
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
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      // The server runs from TypeScript through tsx, as npm start does, without npm start's tab build:
      // the deploy step builds the tab (dist/tab) before it uploads.
      appCommandLine: 'node --import tsx src/main.ts'
    }
  }
}

var botId = useMsi ? identity.properties.clientId : botAppId

// Every variable is one src/config/config.ts reads (README.md, "Configuration"), except the App Service
// ones marked below. Secrets are Key Vault references, resolved by App Service as the managed identity.
var appSettings = {
  NODE_ENV: 'production'
  AUTH_MODE: 'entra'
  PUBLIC_URL: 'https://${web.properties.defaultHostName}'
  LOG_LEVEL: 'info'
  DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecret.properties.secretUri})'
  // /home is the App Service share every instance sees: the document content store lives there.
  DATA_DIR: '/home/data'
  DOCUMENT_SOURCE: documentSource
  SYNC_INTERVAL_MINUTES: string(syncIntervalMinutes)
  ENTRA_TENANT_ID: aadAppTenantId
  ENTRA_CLIENT_ID: aadAppClientId
  ENTRA_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${entraSecret.properties.secretUri})'
  BOT_ID: botId
  BOT_TYPE: botType
  BOT_TENANT_ID: tenant().tenantId
  MANAGED_IDENTITY_CLIENT_ID: identity.properties.clientId
  TEAMS_APP_ID: teamsAppId
  // App Service: read by its Application Insights agent, not by the app.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  // App Service: on deploy it installs the production dependencies (the tab arrives built).
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev --no-audit --no-fund'
}

// A SingleTenant bot also needs its password; the managed identity needs none.
var botPasswordSetting = useMsi ? {} : {
  BOT_PASSWORD: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=bot-password)'
}

resource webSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'appsettings'
  properties: union(appSettings, botPasswordSetting)
  dependsOn: [
    secretsUser
    allowAzureServices
    botPasswordSecret
  ]
}

// --- The bot ---

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${baseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: botId
    msaAppType: botType
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useMsi ? identity.id : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

// --- Outputs: arm/deploy writes each to env/.env.<environment> under this name ---

output TAB_DOMAIN string = web.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${web.properties.defaultHostName}'
output BOT_ID string = botId
output BOT_TYPE string = botType
output AZURE_APP_SERVICE_RESOURCE_ID string = web.id
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output KEY_VAULT_NAME string = keyVault.name
output POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName
output APPLICATIONINSIGHTS_RESOURCE_ID string = appInsights.id
