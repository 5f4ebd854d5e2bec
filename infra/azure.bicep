// Azure resources for Line of Sight. First version: the App Service that runs the Node server,
// with its health check on /readyz. The deployment work adds the managed identity, Azure Bot,
// PostgreSQL Flexible Server, Key Vault and Application Insights.
@description('Prefix for resource names, e.g. los-demo.')
param resourceBaseName string

@description('Azure region.')
param location string = resourceGroup().location

@description('App Service plan SKU.')
param sku string = 'B1'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      healthCheckPath: '/readyz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appCommandLine: 'npm start'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'HOST', value: '0.0.0.0' }
      ]
    }
  }
}

output tabEndpoint string = 'https://${web.properties.defaultHostName}'
output tabDomain string = web.properties.defaultHostName
