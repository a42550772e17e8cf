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
reasoning visible: a reason given for the pick, an alternative turned down.
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
    "presentation": (TWO_WAY, "presentation or output"),
}

# (group, weight, cues).  Several rows per group: one per language or strength, for reading.
_DOOR: list[tuple[str, int, str]] = [
    # ---- one-way: persisted data, formats, schemas -------------------------------------------
    ("data", 2, "schema|schemas|data format|file format|wire format|storage format|record format|message format|"
                "serialization|serialisation|serialization format|on disk|data model|database schema|"
                "data migration|migrate the data|migrating data|persisted|persist|persistence|encoding|"
                "protobuf|protocol buffers|avro|json schema|front matter|metadata format|date format|"
                "database table|database tables|outbox|event store|event sourcing|iso 8601|date format|date formats|"
                "time format|timestamp format|plain text format|field names"),
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
    ("identity", 1, "id|ids|url|urls|uri|uris|naming|versioning"),
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
                    "topic|topics|signal|signals|users|clients|consumers|integration|install|installation|"
                    "package name|interface|interfaces|compatibility|compatible|support|supported"),
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
    ("foundation", 2, "framework|platform|vendor|vendors|cloud provider|aws|azure|gcp|google cloud|kubernetes|"
                      "eks|gke|aks|programming language|identity provider|single sign on|sso|oauth|saml|openid|"
                      "oidc|licence|license|licensing|licencing|lock in|vendor lock|hosting provider|"
                      "operating system|runtime|message broker|kafka|rabbitmq|django|rails|react|angular|"
                      "spring|terraform|microservices|monolith|written in|implement as|implemented in|"
                      "shell scripts|login gov|auth0|okta|keycloak|cognito"),
    ("foundation", 1, "provider|hosting|infrastructure|architecture|language|python|java|golang|rust|ruby|"
                      "javascript|typescript|node|php|dotnet|authentication|auth|login|cloud|saas|paas|"
                      "cluster|clusters|service mesh|istio|database engine"),
    ("foundation", 2, "plattform|lizenz|anbieter|programmiersprache|plateforme|fournisseur|langage de programmation|"
                      "hébergeur|plataforma|licencia|proveedor|lenguaje de programación|licença|fornecedor|"
                      "linguagem de programação|piattaforma|licenza|fornitore|linguaggio di programmazione"),
    ("foundation", 1, "infrastruktur|architektur|sprache|hébergement|architecture|infraestructura|arquitectura|"
                      "lenguaje|infraestrutura|arquitetura|linguagem|infrastruttura|architettura|linguaggio|nuvem|"
                      "nube|nuage"),
    # ---- one-way: across an organisation -----------------------------------------------------
    ("organisation", 2, "across teams|all teams|every team|cross team|organisation wide|organization wide|"
                        "company wide|across the organisation|across the organization|all repositories|"
                        "every repository|across repositories|all services|every service|all projects|"
                        "every project|all our repositories|all our services|teamübergreifend|unternehmensweit|"
                        "alle teams|toutes les équipes|tous les dépôts|todos los equipos|todos los repositorios|"
                        "todas as equipes|todas as equipas|todos os repositórios|tutti i team|"
                        "tutti i repository|toda la organización|toda a organização|tutta l organizzazione"),
    # ---- two-way: internal structure ---------------------------------------------------------
    ("structure", 2, "internal|internally|refactor|refactoring|refactorings|code style|coding style|codebase|"
                     "code base|code structure|folder structure|directory structure|project structure|"
                     "module structure|package structure|implementation detail|implementation details|"
                     "layer|layers|layering|hexagonal|clean architecture|domain model|naming convention|"
                     "code organisation|code organization|monorepo|mono repo|file organisation|"
                     "default exports|named exports|imports|import order|type hints|typing|internal api|"
                     "private api|core api|ddd|domain driven design|dependency injection"),
    ("structure", 1, "module|modules|component|components|class|classes|function|functions|helper|helpers|"
                     "package|packages|folder|folders|directory|directories|source|code|readme|domain|parsing|"
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
                   "developer|developers|local|dev|monitoring|logging|logs|dashboard|dashboards|alerting|"
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
]

# ---- choice: the words that make reasoning visible ------------------------------------------------
# A reason given for the pick.
REASON_CUES = (
    "because|so that|in order to|which means|this means|this allows|allows us|allow us|enables|enable us|"
    "makes it easier|make it easier|easier to|simpler to|reduces|reduce the|improves|simplifies|avoids|prevents|"
    "ensures|the benefit|benefits|advantage|advantages|good because|the reason|the main reason|this way|"
    "thanks to|due to|as a result|which gives|gives us|lets us|let us|so we can|"
    "allows|allow|allowing|enable|enabling|easily|no need|works well|helps|help us|to ensure|to avoid|"
    "to make|to keep|to protect|to provide|to reduce|to improve|to simplify|to prevent|"
    "weil|damit|dadurch|aufgrund|vorteil|vorteile|ermöglicht|parce que|afin de|afin que|permet|grâce à|"
    "en raison de|avantage|avantages|porque|para que|permite|gracias a|debido a|ventaja|ventajas|"
    "pois|para que|permite|graças a|devido a|vantagem|vantagens|perché|affinché|permette|grazie a|vantaggio|vantaggi|"
    # The reasoning card's own reason words (adrtool/reasoning/cues.py), as whole words: the same evidence.
    "since|given that|therefore|hence|thus|better|faster|cheaper|safer|simpler|easier|more reliable|fits|suits|"
    "meets|solves|addresses|satisfies|simplify|simplifying|reducing|improving|avoiding|good|pros|"
    "denn|deshalb|daher|vereinfacht|reduziert|besser|einfacher|schneller|car|puisque|simplifie|réduit|meilleur|"
    "plus simple|plus rapide|ya que|dado que|simplifica|reduce|mejor|más fácil|más rápido|visto que|uma vez que|"
    "reduz|melhor|mais fácil|mais rápido|poiché|dato che|in modo da|consente|semplifica|riduce|migliore|"
    "più semplice|più veloce"
)
REASON_CUES_ZH = "因为|由于|为了|以便|使得|好处|优点|便于|方便|更容易|所以|因此|能够|简化|减少|降低|提高|优势|更好"
# An alternative named and turned down.
ALTERNATIVE_CUES = (
    "instead of|rather than|alternative|alternatives|rejected|considered|versus|vs|compared to|compared with|"
    "bad because|cons|not chosen|ruled out|discarded|downside|downsides|drawback|drawbacks|disadvantage|"
    "disadvantages|problems with|the problem with|issues with|"
    "statt|anstatt|alternative|alternativen|abgelehnt|au lieu de|plutôt que|alternatives|rejeté|rejetée|"
    "en lugar de|en vez de|alternativas|rechazada|rechazado|em vez de|ao invés de|rejeitada|rejeitado|"
    "invece di|piuttosto che|alternativa|alternative|scartata|"
    # The reasoning card's own alternative words (adrtool/reasoning/cues.py), as whole words.
    "in favour of|in favor of|alternatively|we considered|was considered|were considered|we looked at|"
    "we evaluated|was rejected|were rejected|decided against|unlike|as opposed to|other option|another option|"
    "other options|could have|would require|would mean|would need|did not choose|didn t choose|we tried|"
    "was dropped|anstelle|verworfen|im gegensatz zu|écarté|par rapport à|contrairement à|descartada|descartado|"
    "a diferencia de|ao contrário de|anziché|rispetto a|a differenza di|scartato|rifiutato"
)
ALTERNATIVE_CUES_ZH = "而不是|替代|备选|方案|相比|对比|不如|而非|代替|考虑过|放弃|相较|否决|另一种"


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


@dataclass(frozen=True)
class ChoiceCues:
    """One kind of choice cue: the cues in the order written (most telling first), and sets to test presence."""

    ordered: tuple[tuple[str, str, str], ...]  # (cue, its first word, its last word)
    words: frozenset[str]  # every word of every cue: a cue can only be there if its words are
    chinese: tuple[str, ...]


def _choice_cues(cues: str, chinese: str) -> ChoiceCues:
    ordered = tuple((c, c.split()[0], c.split()[-1]) for c in dict.fromkeys(_split(cues)))
    return ChoiceCues(ordered, frozenset(w for c, _, _ in ordered for w in c.split()), tuple(_split(chinese)))


REASONS = _choice_cues(REASON_CUES, REASON_CUES_ZH)
ALTERNATIVES = _choice_cues(ALTERNATIVE_CUES, ALTERNATIVE_CUES_ZH)
