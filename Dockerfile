# Multi-stage build: SDK to publish, ASP.NET runtime to run, as a non-root user, the data folder as a volume.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props AiChangeInsights.sln ./
COPY src/ src/
COPY sql/ sql/
RUN dotnet publish src/AiChangeInsights.Web/AiChangeInsights.Web.csproj -c Release -r linux-x64 --self-contained false -o /app/web \
 && dotnet publish src/AiChangeInsights.Cli/AiChangeInsights.Cli.csproj -c Release -r linux-x64 --self-contained false -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN groupadd --system aci && useradd --system --gid aci --home-dir /app --shell /usr/sbin/nologin aci \
 && mkdir -p /data && chown aci:aci /data
WORKDIR /app
COPY --from=build /app/web ./web
COPY --from=build /app/cli ./cli
COPY seed-data/ ./seed-data/
ENV Warehouse__DataFolder=/data \
    ASPNETCORE_URLS=http://0.0.0.0:5080 \
    DOTNET_RUNNING_IN_CONTAINER=true
VOLUME ["/data"]
EXPOSE 5080
USER aci
WORKDIR /app/web
ENTRYPOINT ["dotnet", "AiChangeInsights.Web.dll"]
