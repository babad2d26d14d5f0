{{/*
Chart name, truncated to the 63 characters a DNS label allows.
*/}}
{{- define "detector.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: release-chart unless the release name already contains the chart name.
*/}}
{{- define "detector.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "detector.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "detector.labels" -}}
helm.sh/chart: {{ include "detector.chart" . }}
{{ include "detector.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: detector
{{- end }}

{{/*
Selector labels: stable across upgrades, so never the version.
*/}}
{{- define "detector.selectorLabels" -}}
app.kubernetes.io/name: {{ include "detector.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the ServiceAccount.
*/}}
{{- define "detector.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "detector.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference; GPU mode appends gpu.imageTagSuffix (the CUDA variant) to the tag.
*/}}
{{- define "detector.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if .Values.gpu.enabled }}
{{- $tag = printf "%s%s" $tag .Values.gpu.imageTagSuffix }}
{{- end }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}

{{/*
Name of the Secret holding the API keys and the optional SASL JAAS line.
*/}}
{{- define "detector.secretName" -}}
{{- default (include "detector.fullname" .) .Values.secret.existingSecret }}
{{- end }}

{{/*
Directory the service reads the model from (DETECTOR_SCORING_MODEL_DIR).
*/}}
{{- define "detector.modelDir" -}}
{{- if or .Values.model.persistentVolumeClaim.enabled .Values.model.initContainer.enabled }}
{{- .Values.model.mountPath }}
{{- else }}
{{- .Values.model.imageDir }}
{{- end }}
{{- end }}

{{/*
Scoring device: GPU mode always scores on cuda.
*/}}
{{- define "detector.device" -}}
{{- if .Values.gpu.enabled }}cuda{{ else }}{{ .Values.detector.scoring.device }}{{ end }}
{{- end }}

{{/*
Non-empty when the chart must generate an API key: security on, no keys in values, no existing Secret.
*/}}
{{- define "detector.generateApiKey" -}}
{{- if and .Values.detector.security.enabled (not .Values.secret.existingSecret) (not .Values.secret.apiKeys) }}true{{ end }}
{{- end }}

{{/*
Name of the Secret holding the generated API key.
*/}}
{{- define "detector.generatedSecretName" -}}
{{- printf "%s-api-key" (include "detector.fullname" . | trunc 55 | trimSuffix "-") }}
{{- end }}
