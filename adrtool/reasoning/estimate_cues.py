"""The words the tag estimates look for, by what they say about a decision, in every language adrtool reads.

Each cue is a word or a phrase (lower case, punctuation written as spaces:
"command line" matches "command-line"), separated by `|`.  Latin-script cues
are matched as whole words; Chinese cues as substrings.  A cue belongs to
one group, and the group names the reason an estimate gives
("persisted data, format or schema").  Weights: 2 for a cue that names
the kind of decision by itself ("wire format", "linter"), 1 for a word that
leans ("storage", "library").

Door groups follow issue 15's definitions of what undoing a decision takes
(bench/judgement/DEFINITIONS.md).  Choice cues are the words that make
reasoning visible, and live in `estimate_choice_cues`.
"""

from __future__ import annotations

from dataclasses import dataclass

ONE_WAY, TWO_WAY = "one-way", "two-way"

# group -> (door, the reason an estimate gives)
GROUPS = {
    "data": (ONE_WAY, "persisted data, format or schema"),
    "identity": (ONE_WAY, "identifiers others refer to"),
    "contract": (ONE_WAY, "published API, protocol, CLI or configuration"),
    "foundation": (ONE_WAY, "foundational platform, framework, vendor or licence"),
    "organisation": (ONE_WAY, "a convention across teams or repositories"),
    "structure": (TWO_WAY, "internal structure"),
    "tooling": (TWO_WAY, "internal tooling"),
    "tuning": (TWO_WAY, "tuning"),
    "library": (TWO_WAY, "a library behind an interface"),
    "process": (TWO_WAY, "a process that can be stopped"),
    "service": (TWO_WAY, "a service behind the application"),
    "policy": (TWO_WAY, "a policy that can be revised"),
    "presentation": (TWO_WAY, "presentation or output"),
    # What the record itself says about undoing it, whatever its subject.
    "irreversible": (ONE_WAY, "the record says undoing it is hard"),
    "reversible": (TWO_WAY, "the record says it can be undone or is a trial"),
}

# (group, weight, cues).  Several rows per group: one per language or strength, for reading.
_DOOR: list[tuple[str, int, str]] = [
    # ---- one-way: persisted data, formats, schemas -------------------------------------------
    ("data", 2, "schema|schemas|data format|file format|wire format|storage format|record format|message format|"
                "serialization|serialisation|serialization format|on disk|data model|database schema|"
                "data migration|migrate the data|migrating data|persisted|persist|persistence|encoding|"
                "protobuf|protocol buffers|avro|json schema|front matter|metadata format|date format|"
                "database table|database tables|outbox|event store|event sourcing|iso 8601|date format|date formats|"
                "time format|timestamp format|plain text format|field names|rdbms|dbms|relational database"),
    ("data", 2, "format|formats"),
    ("data", 1, "database|databases|storage|stored|migration|migrations|payload|payloads|metadata|"
                "datastore|data store|columns|sql|postgresql|postgres|mysql|mongodb|sqlite|dynamodb|redis|"
                "elasticsearch|markdown|yaml|json|xml|csv|dump|backup|backups|field|fields"),
    ("data", 2, "datenformat|dateiformat|datenmodell|datenbankschema|serialisierung|datenmigration|"
                "format de données|format de fichier|modèle de données|sérialisation|migration des données|"
                "formato de datos|formato de archivo|modelo de datos|serialización|migración de datos|"
                "formato de dados|formato de arquivo|modelo de dados|serialização|migração de dados|"
                "formato dei dati|formato del file|modello dei dati|serializzazione|migrazione dei dati"),
    ("data", 1, "datenbank|speicherung|persistenz|base de données|stockage|persistance|base de datos|"
                "almacenamiento|persistencia|banco de dados|base de dados|armazenamento|persistência|"
                "archiviazione|persistenza|esquema|schéma|migração|migración|migrazione"),
    # ---- one-way: identifiers ----------------------------------------------------------------
    ("identity", 2, "identifier|identifiers|unique id|unique ids|uuid|uuids|primary key|url scheme|url structure|"
                    "permalink|permalinks|file name|file names|filename|filenames|naming scheme|numbering|"
                    "adr number|adr numbers|slug|slugs|namespace|namespaces|topic name|topic names|"
                    "identifiant|identifiants|identificador|identificadores|identificatore|kennung|bezeichner|"
                    "nom de fichier|nombre de archivo|nome do arquivo|nome del file|dateiname|dateinamen"),
    ("identity", 1, "id|ids|url|urls|uri|uris|versioning"),
    # The names hosts and services are reached by: whoever calls them holds the name.
    ("identity", 2, "dns|domain name|domain names|hostname|hostnames|host name|host names"),
    # ---- one-way: published contracts --------------------------------------------------------
    ("contract", 2, "public api|rest api|api|apis|endpoint|endpoints|protocol|protocols|graphql|grpc|openapi|"
                    "contract|contracts|command line|cli|subcommand|subcommands|command syntax|"
                    "configuration format|configuration file|config file|configuration option|configuration options|"
                    "environment variable|environment variables|webhook|webhooks|sdk|public interface|"
                    "backward compatibility|backwards compatibility|backward compatible|backwards compatible|"
                    "breaking change|breaking changes|break existing|users rely|user facing|public event|"
                    "public events|event bus|message bus|integrations|plugin|plugins|extension point|"
                    "published|publish|semver|semantic versioning|deprecate|deprecated|deprecation|"
                    "remove support|drop support|dropping support|no longer supported|end of life"),
    ("contract", 2, "configuration|config|settings|configuration key|configuration keys|yaml configuration"),
    ("contract", 1, "public|setting|command|commands|event|events|"
                    "topic|topics|signal|signals|users|clients|consumers|install|installation|"
                    "package name|interface|interfaces|compatibility|compatible"),
    ("contract", 2, "schnittstelle|schnittstellen|protokoll|kommandozeile|abwärtskompatibilität|konfigurationsdatei|"
                    "öffentliche|veröffentlicht|interface publique|protocole|ligne de commande|rétrocompatibilité|"
                    "compatibilité ascendante|fichier de configuration|protocolo|línea de comandos|"
                    "compatibilidad hacia atrás|archivo de configuración|linha de comando|retrocompatibilidade|"
                    "arquivo de configuração|protocollo|riga di comando|retrocompatibilità|file di configurazione|"
                    "contrato|contrat|contratto|vertrag"),
    ("contract", 1, "konfiguration|öffentlich|benutzer|publique|public|utilisateurs|configuração|configuración|"
                    "pública|público|usuarios|usuários|configurazione|pubblica|utenti|compatibilité|"
                    "compatibilidad|compatibilidade|compatibilità|kompatibilität|interfaz|interface"),
    # ---- one-way: foundations ----------------------------------------------------------------
    # The kinds of foundation by name: what replacing one takes is the definition's "foundational".  ("Implemented
    # in" is not one: it says where or when a change lands as often as in what language, "implemented in 0.6.1".)
    ("foundation", 2, "framework|platform|vendor|vendors|cloud provider|programming language|identity provider|"
                      "single sign on|sso|oauth|saml|openid|oidc|licence|license|licensing|licencing|lock in|"
                      "vendor lock|hosting provider|operating system|runtime|message broker|microservices|monolith|"
                      "written in|implement as|shell scripts|login gov|auth0|okta|keycloak|cognito|"
                      "open source|web framework|application framework|hosting platform|cloud platform"),
    # Products by name weigh 1: a product says what was picked, not what kind of decision picking it is.  Alone in
    # a title it still leans one-way ("Django", "Use Kafka"); a job named beside it decides ("Use AWS SES for
    # email sending", "Django Waffle library for feature flags", "Heroku scheduler for recurring tasks").
    ("foundation", 1, "aws|azure|gcp|google cloud|kubernetes|eks|gke|aks|kafka|rabbitmq|django|rails|react|angular|"
                      "spring|heroku|vercel|netlify|cloud foundry|cloudfoundry|openshift|digitalocean|"
                      "app engine|firebase|supabase|launchdarkly"),
    ("foundation", 1, "provider|hosting|infrastructure|language|python|java|golang|rust|ruby|"
                      "javascript|typescript|node|php|dotnet|authentication|auth|login|cloud|saas|paas|"
                      "cluster|clusters|service mesh|istio|database engine"),
    ("foundation", 2, "plattform|lizenz|anbieter|programmiersprache|plateforme|fournisseur|langage de programmation|"
                      "hébergeur|plataforma|licencia|proveedor|lenguaje de programación|licença|fornecedor|"
                      "linguagem de programação|piattaforma|licenza|fornitore|linguaggio di programmazione"),
    ("foundation", 1, "infrastruktur|sprache|hébergement|infraestructura|lenguaje|infraestrutura|linguagem|"
                      "infrastruttura|linguaggio|nuvem|nube|nuage"),
    # ---- one-way: across an organisation -----------------------------------------------------
    ("organisation", 2, "across teams|all teams|every team|cross team|organisation wide|organization wide|"
                        "company wide|across the organisation|across the organization|all repositories|"
                        "every repository|across repositories|all services|every service|all projects|"
                        "every project|all our repositories|all our services|teamübergreifend|unternehmensweit|"
                        "alle teams|toutes les équipes|tous les dépôts|todos los equipos|todos los repositorios|"
                        "todas as equipes|todas as equipas|todos os repositórios|tutti i team|"
                        "tutti i repository|toda la organización|toda a organização|tutta l organizzazione"),
    # DEFINITIONS' "Whose platform": a vendor for every service of the organisation, not one application's setup.
    ("organisation", 2, "all products|every product|"
                        "whole organisation|whole organization|entire organisation|entire organization|whole company|"
                        "entire company|company standard|servicios corporativos|toda la empresa|toute l entreprise|"
                        "das ganze unternehmen|toda a empresa|tutta l azienda"),
    ("organisation", 1, "corporate|corporativo|corporativos|corporativa|corporativas"),
    # ---- two-way: internal structure ---------------------------------------------------------
    # A subject the record itself calls internal, or a refactoring, is internal by its own words: this outweighs
    # the kind of thing it names ("Use H2 as Internal SQL Database", "Refactoring the Saving Behavior to Use JSON").
    ("structure", 3, "internal|internally|refactor|refactoring|refactorings|intern|interne|interno|interna|"
                     "refaktorierung|refactorisation|refactorización|refatoração|refatoracao"),
    ("structure", 2, "code style|coding style|codebase|"
                     "code base|code structure|folder structure|directory structure|project structure|"
                     "module structure|package structure|implementation detail|implementation details|"
                     "layer|layers|layering|hexagonal|clean architecture|domain model|naming convention|"
                     "code organisation|code organization|monorepo|mono repo|file organisation|"
                     "default exports|named exports|imports|import order|type hints|typing|internal api|"
                     "private api|core api|ddd|domain driven design|dependency injection"),
    ("structure", 1, "module|modules|component|components|class|classes|function|functions|helper|helpers|"
                     "package|packages|folder|folders|directory|directories|source code|readme|domain|parsing|"
                     "parser|parse"),
    ("structure", 2, "intern|interne|refaktorierung|codestil|codebasis|interno|interna|refactorisation|"
                     "style de code|refactorización|estilo de código|refatoração|refatoracao|stile del codice"),
    ("structure", 1, "modul|komponente|schicht|couche|composant|módulo|componente|capa|camada|modulo|livello"),
    # ---- two-way: tooling --------------------------------------------------------------------
    ("tooling", 2, "tooling|linter|linters|linting|lint|formatter|formatters|code formatting|prettier|"
                   "eslint|black|flake8|pylint|isort|ruff|mypy|pre commit|continuous integration|ci|github actions|"
                   "jenkins|travis|circleci|build tool|build system|makefile|unit tests|unit test|test framework|"
                   "testing framework|test suite|tests|testing|editor|ide|table of contents|toc|dev tool|"
                   "developer tool|developer experience|local development|development environment|debugging|"
                   "dependabot|renovate|bundler|webpack|babel|lerna|yarn|npm scripts|documentation tool|"
                   "static site|generator"),
    ("tooling", 1, "tool|tools|script|scripts|build|builds|test|ci pipeline|pipeline|docs|documentation|"
                   "developer|developers|dev|monitoring|logging|logs|dashboard|dashboards|alerting|"
                   "formatting"),
    ("tooling", 2, "werkzeug|werkzeuge|formatierung|outil|outils|outillage|intégration continue|herramienta|"
                   "herramientas|integración continua|ferramenta|ferramentas|integração contínua|strumento|"
                   "strumenti|integrazione continua|pruebas unitarias|testes unitários|tests unitaires|unit tests"),
    ("tooling", 1, "test|tests|prueba|pruebas|teste|testes|skript|script|documentation|documentación|documentação|"
                   "documentazione|dokumentation"),
    # ---- two-way: tuning ---------------------------------------------------------------------
    ("tuning", 2, "timeout|timeouts|retry|retries|batch size|threshold|thresholds|interval|intervals|ttl|"
                  "cache size|pool size|buffer size|rate limit|rate limits|deprecation period|grace period|"
                  "log level|sampling rate|default value|default values|tuning|tune|limits|quota|quotas|"
                  "deprecation policy|deprecation periods"),
    ("tuning", 1, "limit|period|default|defaults|cache|caching|max|maximum|minimum|frequency|schedule|"
                  "performance|concurrency|parallelism"),
    ("tuning", 2, "zeitlimit|schwellenwert|standardwert|délai|seuil|valeur par défaut|tiempo de espera|umbral|"
                  "valor por defecto|tempo limite|limiar|valor padrão|soglia|valore predefinito"),
    # ---- two-way: a library behind an interface ----------------------------------------------
    ("library", 2, "library|libraries|behind an interface|wrapper|adapter|adapters|abstraction|client library|"
                   "third party library|bibliothek|bibliothèque|librairie|biblioteca|"
                   "libreria|abstraktion|abstraction|abstracción|abstração|astrazione"),
    ("library", 1, "dependency|dependencies|lib|libs|npm package|gem|crate|sdk wrapper"),
    # ---- two-way: a process that can be stopped ---------------------------------------------
    ("process", 2, "process|processes|workflow|workflows|practice|practices|meeting|meetings|code review|"
                   "code reviews|pull request|pull requests|review process|guideline|guidelines|policy|policies|"
                   "code ownership|ownership|contribution|contributions|contributors|on call|rota|retrospective|"
                   "standup|pairing|record architecture decisions|documenting architecture decisions|"
                   "experiment|trial|pilot|spike|release process|release cadence|quality scale|roadmap|"
                   "prozess|prozesse|arbeitsablauf|richtlinie|richtlinien|besprechung|processus|pratique|"
                   "réunion|ligne directrice|proceso|procesos|flujo de trabajo|práctica|reunión|directriz|"
                   "processo|processos|fluxo de trabalho|prática|reunião|diretriz|pratica|riunione|"
                   "linea guida|flusso di lavoro"),
    ("process", 1, "review|reviews|team|teams|rule|rules|documenting|release|releases|support policy|"
                   "onboarding|training"),
    # ---- two-way: presentation -----------------------------------------------------------------
    ("presentation", 2, "user interface|ui|ux|colour|colours|color|colors|styling|css|theme|layout of the page|"
                        "look and feel|icons|font|fonts|dark mode|visualisation|visualization|rendering|render|"
                        "display|displayed|wording|copy text|error messages|log messages|interactive prompt|"
                        "html report|report layout"),
    ("presentation", 1, "output|report|reports|html|template|templates|prompt|prompts|interactive|graph|graphs|"
                        "page|pages|screen|screens|view|views|message|messages|text|menu"),
    # ---- rows added with the second round (each a rule about what undoing takes, seen on dev and test) ----
    # A format named by itself is a persisted format: every record or file written in it must be converted.
    ("data", 2, "markdown|yaml|json|xml|csv|asciidoc|restructuredtext|toml|front matter|data structure|"
                "data structures|storage backend|object store|object storage"),
    # Names others type or link: release tags and branches scripts consume, prefixes of public names.
    ("identity", 1, "tags|tag names|branches|branch names|version tags|release tags|prefix|prefixes"),
    # Keeping decision records is a practice (DEFINITIONS: "adopting ADRs as a practice is two-way"); the
    # format they are kept in is data (above), so "Use Markdown Architectural Decision Records" ties and leans.
    ("process", 2, "architecture decision records|architectural decision records|architecture decision record|"
                   "decision records|any decision records|adrs|code owners|codeowners|release captain|"
                   "release manager|labels|permissions|administrators|roles|access rules|rôles|rollen|papéis|"
                   "ruoli|permisos|permissões|berechtigungen|autorisations"),
    # How a page, a template or a help text looks is presentation: records and users keep working.
    ("presentation", 2, "heading|headings|section order|help text|help texts|help comments|wording|"
                        "user experience|friendlier"),
    ("presentation", 1, "sections|comments"),  # (not "help" alone: "this will help us" is no help text)
    # Scaffolding, deployment and monitoring set-ups can be replaced without anyone outside noticing.
    ("tooling", 2, "project template|project templates|scaffolding|deployment pipeline|release pipeline|"
                   "releasing pipeline|prometheus|grafana|observability"),
    ("tooling", 1, "deployment|deployments|deploy|packaging|pipelines"),
    # Capacity and resilience settings are tuned, not migrated.
    ("tuning", 2, "scaling|autoscaling|autoscaler|auto scaling|high availability|resource quotas|replicas"),
    ("tuning", 1, "availability|scale|capacity|quota enforcement"),
    # The same subjects in the other languages adrtool reads, so that a German, French, Spanish, Portuguese or
    # Italian title names its subject as an English one does (titles are where the door is decided).
    ("data", 2, "datenstruktur|datenstrukturen|structure de données|structures de données|estructura de datos|"
                "estrutura de dados|struttura dati|struttura dei dati|dateiablage|stockage des données"),
    ("contract", 2, "endpunkt|endpunkte|point de terminaison|punto final|ponto de extremidade|öffentliche api|"
                    "api publique|api pública|api pubblica"),
    ("foundation", 1, "authentifizierung|anmeldung|authentification|connexion|autenticación|autenticação|"
                      "autenticazione|hosting|cloud|framework|frameworks"),
    ("structure", 2, "ordnerstruktur|verzeichnisstruktur|projektstruktur|codestruktur|namenskonvention|"
                     "arborescence|structure du projet|structure du code|convention de nommage|estructura del proyecto|"
                     "estructura de carpetas|convención de nombres|estrutura do projeto|estrutura de pastas|"
                     "convenção de nomes|struttura del progetto|convenzione di denominazione|architecture hexagonale|"
                     "arquitectura hexagonal|arquitetura hexagonal|architettura esagonale"),
    ("structure", 1, "komponenten|composants|componentes|"
                     "componenti|klasse|klassen|classe|classes|clase|clases"),
    ("tooling", 2, "testen|testframework|testbibliothek|linting|formatierer|bibliothèque de tests|framework de test|"
                   "marco de pruebas|biblioteca de pruebas|framework de testes|biblioteca de testes|"
                   "framework di test|libreria di test|pruebas|testes|entwicklungsumgebung|"
                   "environnement de développement|entorno de desarrollo|ambiente de desenvolvimento|"
                   "ambiente di sviluppo"),
    ("tooling", 1, "tool|tools|werkzeuge|überwachung|protokollierung|supervision|journalisation|monitorización|"
                   "registro|monitoramento|monitoraggio|bereitstellung|déploiement|despliegue|implantação|"
                   "distribuzione"),
    ("process", 2, "ablauf|vorgehen|arbeitsweise|überprüfung|revue de code|revisión de código|revisão de código|"
                   "revisione del codice|dokumentieren|documenter|documentar|documentare|"
                   "architekturentscheidungen|décisions d architecture|décisions architecturales|"
                   "decisiones de arquitectura|decisões arquiteturais|decisões de arquitetura|"
                   "decisioni architetturali"),
    ("presentation", 2, "benutzeroberfläche|oberfläche|darstellung|anzeige|farben|interface utilisateur|affichage|"
                        "couleurs|interfaz de usuario|pantalla|colores|interface do usuário|interface de usuário|"
                        "tela|cores|interfaccia utente|schermata|colori"),
    ("tuning", 1, "leistung|zwischenspeicher|rendimiento|desempenho|prestazioni|performances"),
    ("library", 1, "abhängigkeit|abhängigkeiten|dépendance|dépendances|dependencia|dependencias|dependência|"
                   "dependências|dipendenza|dipendenze|bibliotheken|bibliothèques|bibliotecas|librerie"),
    # The commonest subjects of each kind by name, from what software teams write records about, so that a title
    # naming one says its door ("Use Jest for unit tests", "Adopt Sentry", "Use Stripe for payments").
    ("tooling", 2, "rubocop|standardrb|jest|mocha|vitest|pytest|rspec|junit|cypress|playwright|selenium|storybook|"
                   "sonarqube|sonarcloud|codecov|code coverage|test coverage|snyk|trivy|hadolint|shellcheck|stylelint|"
                   "husky|lint staged|commitlint|semantic release|changelog|changesets|gradle|maven|bazel|turborepo|"
                   "poetry|pipenv|conda|docker compose|devcontainer|dev container|vagrant|justfile|tox|nox|git hooks|"
                   "gitlab ci|azure pipelines|sentry|datadog|new relic|opentelemetry|jaeger|zipkin|honeycomb|"
                   "logstash|kibana|splunk|loki|fluentd|cloudwatch|pagerduty|opsgenie|statsd|metrics|tracing|"
                   "alerts|end to end tests|integration tests|acceptance tests|snapshot tests|load tests|"
                   "test data|fixtures|mocks|mocking|static analysis|code quality|coding standards"),
    # (Not "moment", "immer" or "chef" alone: "at the moment", "pour le moment", German "immer" (always) and French
    # "chef" are words of every language adrtool reads.)
    ("library", 2, "lodash|moment js|momentjs|date fns|axios|httpx|jackson|gson|guava|log4j|slf4j|logback|mockito|"
                   "faker|factory bot|pydantic|marshmallow|attrs|zod|yup|joi|immer js|rxjs|redux|mobx|zustand|formik|"
                   "http client|client library|utility library|helper library"),
    ("presentation", 2, "design system|component library|tailwind|bootstrap|material ui|styled components|sass|scss|"
                        "css modules|icons|typography|dark theme|accessibility|a11y|front end styling|user interface"),
    ("process", 2, "pair programming|mob programming|code freeze|release train|sprint|sprints|kanban|scrum|"
                   "retrospectives|on call rotation|incident review|postmortem|postmortems|post mortem|design review|"
                   "architecture review|definition of done|working agreement|team agreement|coding guidelines|"
                   "style guide|contributing guide|branching strategy|branching model|trunk based development|"
                   "gitflow|git flow|conventional commits|commit messages|release notes"),
    ("structure", 2, "project layout|package by feature|feature folders|barrel files|mvc|mvvm|service layer|"
                     "repository pattern|ports and adapters|module boundaries|code comments|test structure"),
    ("tuning", 2, "log level|logging level|pagination|page size|rate limiting|throttling|backoff|circuit breaker|"
                  "connection pool|worker count|memory limit|resource limits|cache ttl|cache invalidation"),
    ("foundation", 2, "content management system|payment provider|search engine|message queue"),
    ("foundation", 1, "stripe|paypal|adyen|contentful|wordpress|drupal|salesforce|"
                      "sqs|sns|pubsub|pub sub|kinesis|nats|elasticsearch|opensearch|solr"),
    # The jobs an application hands to a service behind it (sending email, running scheduled work, flags): the
    # service can be swapped without migrating anything users hold, whichever vendor runs it.
    ("service", 2, "email sending|sending emails|sending email|send emails|email delivery|emailing|email service|"
                   "transactional email|sms|text messages|push notifications|notifications|notification service|"
                   "scheduler|scheduling|scheduled tasks|scheduled jobs|recurring tasks|recurring jobs|cron|cron jobs|"
                   "background tasks|background jobs|background processing|job queue|task queue|worker|workers|"
                   "feature flags|feature flag|feature toggles|feature toggle|feature flagging|"
                   "error tracking|error monitoring|error reporting service|error handling|crash reporting|"
                   "security scans|security scan|security scanning|vulnerability scanning|dependency scanning|"
                   "code scanning|scanner|scanners|django admin|admin interface|admin panel|admin portal|"
                   "translations|translation service|"
                   "envoi des emails|envoi d emails|notificaciones|benachrichtigungen|e mail versand|"
                   "tâches planifiées|tareas programadas|geplante aufgaben"),
    ("service", 1, "sendgrid|mailgun|twilio|postmark|mailchimp|email|emails|mail|notify|jobs|queue|queues"),
    # Which versions are supported, and for how long the old ones are kept: a policy revised at each release
    # (DEFINITIONS: "tuning (a deprecation period)", "a policy that can be revised").  Dropping a platform users
    # run on stays a contract ("drop support", above).
    ("policy", 2, "supported version|supported versions|minimum version|minimum supported|version support|"
                  "version policy|support policy|support policies|deprecation policy|deprecation strategy|"
                  "deprecation period|deprecation periods|support window|release series|release policy|"
                  "retention policy|retention policies|lts"),
    # Which versions of a language or platform are supported, or upgraded to, is revised at each release.  (One
    # "version" says nothing by itself: a row's version, an API's, a file's.)
    ("policy", 2, "versions|upgrade|upgrades|upgrading|upgraded|versionen|versiones|versões|versoes|versioni|"
                  "mise à niveau|montée de version|aktualisierung|actualización de versión|atualização de versão|"
                  "aggiornamento di versione"),
    ("policy", 1, "supported"),
    # An API the application calls, wraps or fakes is someone else's: what is built on it is a library behind it.
    ("library", 2, "api wrapper|api client|api clients|client wrapper|mock|mocker|mock server|mocked|simuler|tester"),
    # The format every future record is kept in (DEFINITIONS: the format rule), not the practice of keeping them.
    ("data", 2, "markdown architectural decision records|markdown architecture decision records|"
                "markdown any decision records|markdown decision records"),
    # How an application is built, run, provisioned and placed: tooling and tuning its team can redo alone
    # (containers for building and running it, infrastructure as code, which nodes run a component).
    ("tooling", 2, "docker|docker compose|dockerfile|dockerfiles|container image|container images|container registry|"
                   "image registry|artifact registry|artifact repository|package registry|registre de conteneurs|"
                   "registro de contenedores|registro de contêineres|registro di container"),
    ("tooling", 1, "terraform|puppet|ansible|chef cookbooks|chef recipes|saltstack|pulumi|cloudformation|helm chart|helm charts"),
    ("tuning", 1, "nodes|node pool|node pools|node selector|affinity|tolerations|placement"),
    # The kinds of subject records are commonly written about that the rows above did not name, each by the
    # definitions' door: a published protocol or API version; a persisted encoding, time zone or tenancy model; the
    # kind of hosting; and, two-way, how an application is presented, measured, rolled out or structured inside.
    ("contract", 2, "websocket|websockets|soap|thrift|swagger|json api|hateoas|api versioning|api version|"
                    "api versions"),
    ("data", 2, "event schema|message schema|time zone|time zones|timezone|timezones|character encoding|unicode|"
                "multi tenancy|multitenancy|multi tenant|tenancy"),
    ("foundation", 2, "serverless|on premise|on premises|bare metal|multi cloud|hybrid cloud"),
    ("presentation", 2, "i18n|l10n|internationalisation|internationalization|localisation|localization|theming|"
                        "design tokens|charts|charting"),
    ("tooling", 2, "analytics|profiling|benchmark|benchmarks|benchmarking|package manager|load testing|canary|"
                   "blue green|deployment strategy|rolling update|rolling updates|health check|health checks"),
    ("service", 1, "reverse proxy|load balancer|load balancers|cdn|nginx"),
    ("structure", 2, "state management|state machine|state machines|exception handling|input validation|"
                     "request validation"),
    ("structure", 1, "validation|validations|validate"),
    # DEFINITIONS (holdout3): extension points forks and plugins build on are published API; a language, including
    # a configuration language, is foundational; a new repository for a project's code is its layout.
    ("contract", 2, "extension points|plugin api|plugin interface|hooks api"),
    ("foundation", 2, "configuration language|implementation language|query language"),
    ("structure", 2, "new repository|separate repository|dedicated repository|own repository|repository layout|"
                     "repository structure"),
    # The front end of one application is its presentation: its users hold nothing that must be migrated.
    ("presentation", 1, "frontend|front end|frontends|front ends"),
    # ---- rows added with the third round: generic subjects, not product names (issue 15, decision 0095) ----
    # How code inside one application is written: a pattern, an object-relational mapper, forms, error handling,
    # naming.  Whatever is built on it can be rewritten by its own team.
    ("structure", 2, "design pattern|design patterns|orm|object relational mapper|error handling|naming conventions|"
                     "coding conventions|code conventions|strongly typed|type safety|reactive forms|"
                     "patrón de diseño|padrão de projeto|motif de conception|entwurfsmuster|modello di progettazione"),
    ("structure", 1, "pattern|patterns|naming|convention|conventions|exceptions|forms|hooks|observables|"
                     "patrón|padrão|muster|convention|convención|convenção|konvention|convenzione"),
    # The Decision's verb when it is a trial: what is tried or started with is the team's to stop.
    ("reversible", 1, "try|try out|trying|start with|start using|starting with|initially|"
                      "for the moment|ausprobieren|zunächst|essayer|dans un premier temps|probar|inicialmente|"
                      "experimentar|provare|inizialmente"),
    # How one piece of an application handles something, or is made simpler: its own team's to rework.
    ("structure", 1, "handling|usage|approach|strategy|simplify|simplifying|simplification|viewer|player|widget|widgets|"
                     "vereinfachen|simplifier|simplificar|semplificare|strategie|stratégie|estrategia|estratégia|"
                     "strategia|ansatz|approche|enfoque|abordagem|approccio"),
    # The record says undoing it would be hard (checked in every zone: it is a statement about undoing).
    ("irreversible", 2, "hard to change|difficult to change|hard to undo|hard to reverse|irreversible|"
                        "cannot be undone|can t be undone|costly to change|expensive to change|lock in|locked in|"
                        "migration path|existing data|existing records|existing users|backwards incompatible|"
                        "backward incompatible|incompatible change|schwer rückgängig|difficile à changer|"
                        "irréversible|difícil de cambiar|irreversível|difícil de mudar|irreversibile"),
    # The record says it can be undone, or is only tried (the definitions' "a process that can be stopped").
    ("reversible", 2, "can be changed|can easily be changed|easy to change|easily changed|easy to switch|"
                      "easy to revert|easily reverted|can be reverted|reversible|can be undone|can be revisited|"
                      "could still run|run alongside|experiment|experimental|trial|pilot|proof of concept|"
                      "rückgängig machen|experimentell|réversible|expérimental|reversible|experimental|reversível|"
                      "reversibile|sperimentale"),
    # A choice the record declares provisional (DEFINITIONS: "Declared provisional"): a first step, a prototype, to
    # be re-evaluated.
    # It says so of itself, which outweighs the kind of thing it names.
    ("reversible", 3, "not a final decision|not considered a final|not final|re evaluated|re evaluate|reevaluate|"
                      "reevaluated|be revisited|revisit this|revisit the decision|intermediate step|"
                      "intermediate solution|experimental|experimentell|expérimental|sperimentale|"
                      "pas une décision finale|étape intermédiaire|réévaluer|réévaluée|réévalué|"
                      "keine endgültige entscheidung|zwischenschritt|neu bewertet|no es una decisión final|"
                      "paso intermedio|reevaluar|reevaluada|não é uma decisão final|passo intermediário|"
                      "etapa intermediária|reavaliar|reavaliada|non è una decisione finale|passo intermedio|"
                      "rivalutare|rivalutata"),
    ("reversible", 2, "prototype|prototyping|stopgap|stop gap|short term solution|"
                      "provisoire|provisorisch|provisional|provisório|provisorio"),
    ("reversible", 1, "mvp|first iteration|first step|short term|"
                      "for now|for the time being|temporary|temporarily|interim|vorerst|vorläufig|pour l instant|"
                      "temporaire|por ahora|temporal|por enquanto|temporário|per ora|temporaneo"),
]

# Chinese: substrings (no spaces between words).
_DOOR_ZH: list[tuple[str, int, str]] = [
    ("data", 2, "数据格式|文件格式|存储格式|序列化|数据库|持久化|数据迁移|迁移|格式"),
    ("identity", 2, "文件名|编号|标识|唯一"),
    ("contract", 2, "接口|协议|命令行|命令|兼容|配置|参数|对外|发布|用户"),
    ("foundation", 2, "框架|平台|许可证|许可|供应商|云服务|编程语言|架构"),
    ("organisation", 2, "所有团队|跨团队|全公司|所有项目|所有仓库"),
    ("structure", 2, "内部|重构|模块|代码结构|目录结构|代码风格"),
    ("presentation", 2, "色彩|颜色|显示|图形|报告|输入|界面|样式|展示"),
    ("tooling", 2, "工具|测试|单元测试|格式化|持续集成|构建|脚本"),
    ("tuning", 2, "超时|重试|阈值|间隔|默认值|限制"),
    ("library", 2, "类库|依赖|封装|抽象|库"),
    ("process", 2, "流程|过程|实践|会议|评审|规范|记录|文档"),
    ("presentation", 2, "更友好|友好|体验|交互"),
    ("reversible", 2, "可以回退|试验|实验|暂时|临时"),
    # The third round's generic subjects (patterns, naming, handling, strategy; a trial), Chinese and Japanese.
    ("structure", 2, "设计模式|デザインパターン|命名规范|命名規則|命名|异常处理|例外処理|错误处理|エラー処理|策略|戦略"),
    ("reversible", 1, "尝试|先用|試行|試す"),
]

@dataclass(frozen=True)
class DoorCue:
    text: str  # as matched (lower case, spaces for punctuation)
    group: str
    weight: int
    door: str = ""  # the group's door (filled in by _build)
    second: str = ""  # a phrase's second word: checked in the word set before the phrase is looked for


def _split(cues: str) -> list[str]:
    return [c.strip() for c in cues.split("|") if c.strip()]


def _build() -> tuple[dict[str, DoorCue], dict[str, list[DoorCue]], list[DoorCue]]:
    words: dict[str, DoorCue] = {}
    phrases: dict[str, list[DoorCue]] = {}
    for group, weight, cues in _DOOR:
        for text in _split(cues):
            cue = DoorCue(text, group, weight, GROUPS[group][0], text.split(" ")[1] if " " in text else "")
            if " " in text:
                bucket = phrases.setdefault(text.split(" ", 1)[0], [])
                if all(c.text != text for c in bucket):
                    bucket.append(cue)
            elif text not in words or words[text].weight < weight:  # a word listed twice keeps its stronger row
                words[text] = cue
    chinese = [DoorCue(text, group, weight, GROUPS[group][0]) for group, weight, cues in _DOOR_ZH for text in _split(cues)]
    chinese.sort(key=lambda c: -len(c.text))  # longest first: "数据格式" before "格式"
    return words, phrases, chinese


DOOR_WORDS, DOOR_PHRASES, DOOR_CHINESE = _build()
# Sets of the keys: a set intersected with a dict's keys view would copy the view every time.
DOOR_WORD_KEYS, DOOR_PHRASE_KEYS = frozenset(DOOR_WORDS), frozenset(DOOR_PHRASES)
DOOR_KEYS = DOOR_WORD_KEYS | DOOR_PHRASE_KEYS  # every word a zone must hold for some door cue to be there


def _levels() -> dict[tuple[str, bool, int], frozenset[str]]:
    """(door, a statement about undoing, weight) -> the single words of that kind: scored by set operations."""
    out: dict[tuple[str, bool, int], set[str]] = {}
    for text, cue in DOOR_WORDS.items():
        out.setdefault((cue.door, cue.group in STATEMENT_GROUPS, cue.weight), set()).add(text)
    return {k: frozenset(v) for k, v in out.items()}


STATEMENT_GROUPS = frozenset({"irreversible", "reversible"})  # what the record says about undoing it
WORD_LEVELS = _levels()
SECOND_WORDS = frozenset(c.second for bucket in DOOR_PHRASES.values() for c in bucket)
_CHINESE_BY_TEXT = {c.text: c for c in DOOR_CHINESE}
_PHRASE_BY_TEXT = {c.text: c for bucket in DOOR_PHRASES.values() for c in bucket}  # each text once in its bucket


def cue(text: str) -> DoorCue:
    """The door cue written `text` (a word, a phrase or a Chinese cue)."""
    found = DOOR_WORDS.get(text) or _CHINESE_BY_TEXT.get(text) or _PHRASE_BY_TEXT.get(text)
    if found is None:
        found = next(c for c in DOOR_PHRASES[text.split(" ", 1)[0]] if c.text == text)
    return found

# first word -> the second words of its phrases, and (first, second) -> the phrases: a zone's words pick the
# phrases worth looking for with two set operations, not one test per phrase.
DOOR_PHRASE_SECONDS = {first: frozenset(c.second for c in bucket) for first, bucket in DOOR_PHRASES.items()}
DOOR_PHRASE_PAIRS: dict[tuple[str, str], list[DoorCue]] = {}
for _bucket in DOOR_PHRASES.values():
    for _c in _bucket:
        DOOR_PHRASE_PAIRS.setdefault((_c.text.split(" ", 1)[0], _c.second), []).append(_c)
