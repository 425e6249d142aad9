package cn.zhifa.boundary;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** zhifa.engine.rest-deployments: {@link DeploymentPolicy}; closed ({@code NONE}) unless a profile opens it. */
@ConfigurationProperties("zhifa.engine")
record DeploymentProperties(DeploymentPolicy restDeployments) {

    DeploymentProperties {
        restDeployments = restDeployments == null ? DeploymentPolicy.NONE : restDeployments;
    }
}
